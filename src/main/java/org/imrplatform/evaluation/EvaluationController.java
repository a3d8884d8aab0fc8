package org.imrplatform.evaluation;

import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Valid;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.course.Course;
import org.imrplatform.course.CourseCatalog;
import org.imrplatform.shared.FormErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** After completing a course, the learner evaluates it once; drafts can be saved and changed until submitted. */
@Controller
class EvaluationController {

    private static final String VIEW = "evaluation/form";

    private final CourseCatalog catalog;
    private final CourseEvaluations evaluations;

    EvaluationController(CourseCatalog catalog, CourseEvaluations evaluations) {
        this.catalog = catalog;
        this.evaluations = evaluations;
    }

    @ModelAttribute("ratings")
    String[] ratings() {
        return EvaluationForm.RATINGS;
    }

    @GetMapping("/courses/{courseId}/evaluation")
    String form(@PathVariable String courseId, @AuthenticationPrincipal SignedInAccount me, Model model,
            Locale locale) {
        Course course = catalog.require(courseId).in(locale);
        model.addAttribute("course", course);
        model.addAttribute("completed", evaluations.isOpen(me.accountId(), courseId));
        Optional<CourseEvaluations.Evaluation> saved = evaluations.find(me.accountId(), courseId);
        model.addAttribute("form", saved.map(CourseEvaluations.Evaluation::answers).orElse(EvaluationForm.empty()));
        model.addAttribute("submittedAt", saved.map(CourseEvaluations.Evaluation::submittedAt).orElse(null));
        return VIEW;
    }

    @PostMapping("/courses/{courseId}/evaluation")
    String save(@PathVariable String courseId, @AuthenticationPrincipal SignedInAccount me,
            @Valid @ModelAttribute("form") EvaluationForm form, BindingResult errors,
            @RequestParam(defaultValue = "draft") String action, Model model, Locale locale) {
        Course course = catalog.require(courseId).in(locale);
        model.addAttribute("course", course);
        boolean completed = evaluations.isOpen(me.accountId(), courseId);
        model.addAttribute("completed", completed);
        if (!completed) {
            return VIEW;
        }
        boolean submit = "submit".equals(action);
        // A value that cannot be read at all (not a number) leaves no form object, only the binding error.
        if (submit && errors.getTarget() != null) {
            for (String item : EvaluationForm.RATINGS) {
                if (form.rating(item) == null && !errors.hasFieldErrors(item)) {
                    FormErrors.reject(errors, item, "evaluation.rating.required");
                }
            }
        }
        if (errors.hasErrors()) {
            return VIEW;
        }
        if (!evaluations.save(me.accountId(), courseId, form, submit)) {
            return "redirect:/courses/" + courseId + "/evaluation";
        }
        return "redirect:/courses/" + courseId + "/evaluation?" + (submit ? "submitted" : "saved");
    }

}
