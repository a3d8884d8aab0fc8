package org.imrplatform.learn;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.assessment.CheckResult;
import org.imrplatform.assessment.KnowledgeCheckRecords;
import org.imrplatform.completion.Completions;
import org.imrplatform.course.Course;
import org.imrplatform.course.KnowledgeTest;
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

/**
 * The course's knowledge test, taken once before starting and once after completing, so each learner (and the
 * cohort) sees what was gained. Answers are not explained after the first sitting, so the second one still measures.
 */
@Controller
class KnowledgeTestController {

    private static final String VIEW = "learn/knowledge-test";

    enum Phase {
        BEFORE(KnowledgeCheckRecords.BEFORE), AFTER(KnowledgeCheckRecords.AFTER);

        private final String id;

        Phase(String id) {
            this.id = id;
        }

        String id() {
            return id;
        }
    }

    private final CourseFinder finder;
    private final KnowledgeCheckRecords records;
    private final Completions completions;

    KnowledgeTestController(CourseFinder finder, KnowledgeCheckRecords records, Completions completions) {
        this.finder = finder;
        this.records = records;
        this.completions = completions;
    }

    @GetMapping("/courses/{courseId}/knowledge-test/{phase}")
    String show(@PathVariable String courseId, @PathVariable String phase, @AuthenticationPrincipal SignedInAccount me,
            Model model, Locale locale) {
        prepare(courseId, phase, me, model, locale);
        return VIEW;
    }

    @PostMapping("/courses/{courseId}/knowledge-test/{phase}")
    String answer(@PathVariable String courseId, @PathVariable String phase,
            @RequestParam MultiValueMap<String, String> form, @AuthenticationPrincipal SignedInAccount me, Model model,
            Locale locale) {
        Course course = prepare(courseId, phase, me, model, locale);
        if (!(boolean) model.getAttribute("open") || model.getAttribute("result") != null) {
            return "redirect:/courses/" + courseId + "/knowledge-test/" + phase;
        }
        KnowledgeCheckAttempt attempt = KnowledgeCheckAttempt.of(course.knowledgeTest(), form);
        if (!attempt.isComplete()) {
            model.addAttribute("attempt", attempt);
            return VIEW;
        }
        // A sitting already taken (perhaps by a request sent at the same moment) stores nothing: the page shows it.
        records.recordSitting(me.accountId(), courseId, attempt.toRecord(KnowledgeCheckRecords.TEST_MODULE, phase));
        return "redirect:/courses/" + courseId + "/knowledge-test/" + phase;
    }

    /**
     * Puts the course (in the learner's language), the test, whether it is open to this learner now, and any
     * earlier results in the model. A translated test has the same questions and options, so either is graded alike.
     */
    private Course prepare(String courseId, String phaseId, SignedInAccount me, Model model, Locale locale) {
        Course course = finder.course(courseId, locale);
        KnowledgeTest test = course.knowledgeTest();
        Phase phase = Arrays.stream(Phase.values()).filter(p -> p.id().equals(phaseId)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (test == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<CheckResult> results = records.results(me.accountId(), courseId);
        Optional<CheckResult> before = result(results, Phase.BEFORE);
        Optional<CheckResult> after = result(results, Phase.AFTER);
        boolean completed = completions.completedAt(me.accountId(), courseId).isPresent();
        model.addAttribute("course", course);
        model.addAttribute("test", test);
        model.addAttribute("phase", phase.id());
        model.addAttribute("open", phase == Phase.BEFORE || completed);
        model.addAttribute("result", (phase == Phase.BEFORE ? before : after).orElse(null));
        model.addAttribute("before", before.orElse(null));
        model.addAttribute("after", after.orElse(null));
        return course;
    }

    private static Optional<CheckResult> result(List<CheckResult> results, Phase phase) {
        return results.stream()
                .filter(r -> r.moduleId().equals(KnowledgeCheckRecords.TEST_MODULE) && r.slideId().equals(phase.id())).findFirst();
    }
}
