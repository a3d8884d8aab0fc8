package org.imrplatform.learn;

import org.imrplatform.course.Course;
import org.imrplatform.course.CourseCatalog;
import org.imrplatform.course.CourseModule;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The course catalog, a course's modules, and a module's overview and printable transcript. */
@Controller
class CatalogController {

    private final CourseFinder finder;

    CatalogController(CourseFinder finder) {
        this.finder = finder;
    }

    @GetMapping("/")
    String catalog(Model model) {
        model.addAttribute("courses", finder.catalog().courses());
        return "learn/catalog";
    }

    @GetMapping("/courses/{courseId}")
    String course(@PathVariable String courseId, Model model) {
        model.addAttribute("course", finder.course(courseId));
        return "learn/course";
    }

    @GetMapping("/courses/{courseId}/modules/{moduleId}")
    String module(@PathVariable String courseId, @PathVariable String moduleId, Model model) {
        Course course = finder.course(courseId);
        model.addAttribute("course", course);
        model.addAttribute("module", finder.module(course, moduleId));
        return "learn/module";
    }

    @GetMapping("/courses/{courseId}/modules/{moduleId}/transcript")
    String transcript(@PathVariable String courseId, @PathVariable String moduleId, Model model) {
        Course course = finder.course(courseId);
        CourseModule module = finder.module(course, moduleId);
        model.addAttribute("course", course);
        model.addAttribute("module", module);
        return "learn/transcript";
    }
}
