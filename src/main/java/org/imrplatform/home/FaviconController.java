package org.imrplatform.home;

import java.time.Duration;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The site's icon at the address browsers ask for by default (for pages that name no icon, such as a PDF); pages
 * name the same SVG in their head.
 */
@Controller
class FaviconController {

    private static final Resource ICON = new ClassPathResource("static/favicon.svg");

    @GetMapping("/favicon.ico")
    ResponseEntity<Resource> icon() {
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic()).body(ICON);
    }
}
