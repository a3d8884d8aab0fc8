package org.imrplatform.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Each face's home page: what the signed-in person (or visitor) can do in that face, one link and one line each.
 * The templates show only what the person's roles allow; SecurityConfig keeps the Practice home to facilitators,
 * reviewers and administrators and the Evaluate and Administration homes to administrators.
 */
@Controller
class FaceHomeController {

    @GetMapping("/home/learn")
    String learn() {
        return "home/learn";
    }

    @GetMapping("/home/practice")
    String practice() {
        return "home/practice";
    }

    @GetMapping("/home/evaluate")
    String evaluate() {
        return "home/evaluate";
    }

    @GetMapping("/home/administration")
    String administration() {
        return "home/administration";
    }
}
