package org.imrplatform.learn;

import java.util.Locale;

import org.imrplatform.course.Course;
import org.imrplatform.course.CourseAddresses;
import org.imrplatform.course.CourseModule;
import org.imrplatform.course.KnowledgeCheckSlide;
import org.imrplatform.account.SignedInAccount;
import org.imrplatform.assessment.KnowledgeCheckRecords;
import org.imrplatform.progress.LearnerProgress;
import org.imrplatform.progress.Place;
import org.imrplatform.shared.SharedPages;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Shows slides and grades knowledge checks. Slide addresses carry no version number, so a learner's bookmark keeps
 * working after a new version of the course as long as the slide is still in it; nor a language: a slide is shown
 * in the reader's language when the course has it, and its translations share its ids, so switching language keeps
 * the learner's place, progress and answers.
 */
@Controller
class SlideController {

    private final CourseFinder finder;
    private final LearnerProgress progress;
    private final KnowledgeCheckRecords checkRecords;
    private final SharedPages sharedPages;

    SlideController(CourseFinder finder, LearnerProgress progress, KnowledgeCheckRecords checkRecords,
            SharedPages sharedPages) {
        this.finder = finder;
        this.progress = progress;
        this.checkRecords = checkRecords;
        this.sharedPages = sharedPages;
    }

    @GetMapping("/courses/{courseId}/modules/{moduleId}/slides/{slideId}")
    ModelAndView slide(@PathVariable String courseId, @PathVariable String moduleId, @PathVariable String slideId,
            @AuthenticationPrincipal SignedInAccount me, Model model, Locale locale) {
        // Read before the course: a page kept under this revision is never older than the revision.
        long revision = finder.catalog().revision();
        Course original = finder.course(courseId);
        Course course = original.in(locale);
        CourseModule module = finder.module(course, moduleId);
        int index = module.indexOf(slideId);
        if (index < 0) {
            // The slide was removed in a newer version: continue from the module's start instead of a dead end.
            return new ModelAndView("redirect:" + CourseAddresses.module(courseId, moduleId) + "?gone");
        }
        if (me != null) {
            progress.slideViewed(me.accountId(), courseId, new Place(moduleId, slideId));
            if (module.slides().get(index) instanceof KnowledgeCheckSlide check) {
                // The last answers stay on the check, in whichever language it is read now.
                checkRecords.latest(me.accountId(), courseId, moduleId, slideId)
                        .map(stored -> KnowledgeCheckAttempt.stored(check, stored))
                        .ifPresent(attempt -> {
                            model.addAttribute("attempt", attempt);
                            model.addAttribute("attemptSaved", true);
                        });
            }
        }
        model.addAttribute("page", SlidePage.of(course, module, index, original.languages()));
        if (model.containsAttribute("attempt")) {
            return new ModelAndView("learn/slide");
        }
        // Everything else on a slide page is the same for every reader of this version of it.
        return new ModelAndView(sharedPages.view("learn/slide",
                String.join(" ", String.valueOf(revision), courseId, moduleId, slideId)));
    }

    /** The answers address reached by a plain link (a language switch, a reload): back to the questions. */
    @GetMapping("/courses/{courseId}/modules/{moduleId}/slides/{slideId}/answers")
    String answersPage(@PathVariable String courseId, @PathVariable String moduleId, @PathVariable String slideId) {
        return "redirect:" + CourseAddresses.slide(courseId, moduleId, slideId);
    }

    @PostMapping("/courses/{courseId}/modules/{moduleId}/slides/{slideId}/answers")
    String answers(@PathVariable String courseId, @PathVariable String moduleId, @PathVariable String slideId,
            @RequestParam MultiValueMap<String, String> form, @AuthenticationPrincipal SignedInAccount me,
            Model model, Locale locale) {
        Course original = finder.course(courseId);
        Course course = original.in(locale);
        CourseModule module = finder.module(course, moduleId);
        int index = module.indexOf(slideId);
        if (index < 0 || !(module.slides().get(index) instanceof KnowledgeCheckSlide check)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        KnowledgeCheckAttempt attempt = KnowledgeCheckAttempt.of(check, form);
        if (me != null && attempt.isComplete()) {
            checkRecords.record(me.accountId(), courseId, attempt.toRecord(moduleId, slideId));
            model.addAttribute("attemptSaved", true);
        }
        model.addAttribute("page", SlidePage.of(course, module, index, original.languages()));
        model.addAttribute("attempt", attempt);
        return "learn/slide";
    }
}
