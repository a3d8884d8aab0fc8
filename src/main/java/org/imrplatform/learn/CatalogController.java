package org.imrplatform.learn;

import java.util.Comparator;
import java.util.Locale;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.completion.Completions;
import org.imrplatform.course.Course;
import org.imrplatform.course.CourseModule;
import org.imrplatform.evaluation.CourseEvaluations;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The course catalog, a course's modules, a module's overview and printable transcript, and "My learning"; each
 * course in the reader's language when it has a translation into it.
 */
@Controller
class CatalogController {

    private final CourseFinder finder;
    private final Completions completions;
    private final CourseEvaluations evaluations;

    CatalogController(CourseFinder finder, Completions completions, CourseEvaluations evaluations) {
        this.finder = finder;
        this.completions = completions;
        this.evaluations = evaluations;
    }

    @GetMapping("/")
    String catalog(Model model, Locale locale) {
        model.addAttribute("courses", finder.catalog().courses().stream().map(course -> course.in(locale))
                .sorted(Comparator.comparing(Course::title)).toList());
        return "learn/catalog";
    }

    @GetMapping("/courses/{courseId}")
    String course(@PathVariable String courseId, @AuthenticationPrincipal SignedInAccount me, Model model,
            Locale locale) {
        Course course = finder.course(courseId, locale);
        model.addAttribute("course", course);
        if (me != null) {
            model.addAttribute("progress", completions.standing(me.accountId(), course));
            model.addAttribute("completedAt", completions.completedAt(me.accountId(), courseId).orElse(null));
            // An evaluated, completed course has earned its certificate.
            model.addAttribute("evaluated", evaluations.isSubmitted(me.accountId(), courseId));
        }
        return "learn/course";
    }

    /** The learner's own courses with their progress; other people's progress is never reachable. */
    @GetMapping("/my-learning")
    String myLearning(@AuthenticationPrincipal SignedInAccount me, Model model, Locale locale) {
        model.addAttribute("courses", completions.started(me.accountId(), locale));
        return "learn/my-learning";
    }

    @GetMapping("/courses/{courseId}/modules/{moduleId}")
    String module(@PathVariable String courseId, @PathVariable String moduleId, Model model, Locale locale) {
        Course course = finder.course(courseId, locale);
        model.addAttribute("course", course);
        model.addAttribute("module", finder.module(course, moduleId));
        return "learn/module";
    }

    @GetMapping("/courses/{courseId}/modules/{moduleId}/transcript")
    String transcript(@PathVariable String courseId, @PathVariable String moduleId, Model model, Locale locale) {
        Course course = finder.course(courseId, locale);
        CourseModule module = finder.module(course, moduleId);
        model.addAttribute("course", course);
        model.addAttribute("module", module);
        return "learn/transcript";
    }
}
