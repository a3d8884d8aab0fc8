package org.imrplatform.completion;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.imrplatform.assessment.CheckResult;
import org.imrplatform.assessment.KnowledgeCheckRecords;
import org.imrplatform.course.CompletionRule;
import org.imrplatform.course.Course;
import org.imrplatform.course.CourseModule;
import org.imrplatform.course.KnowledgeCheckSlide;
import org.imrplatform.course.Slide;
import org.imrplatform.progress.Place;

/**
 * A learner's progress through the current version of a course: slides seen and knowledge-check results per
 * module, completion under the course's rule, and the slide to resume. Places that are no longer in the course
 * (after a new version) simply do not count.
 */
public record CourseStanding(Course course, Map<String, Integer> seenByModule, Map<Place, CheckResult> checks,
        CourseModule resumeModule, Slide resumeSlide) {

    static CourseStanding of(Course course, Set<Place> seen, Place place, List<CheckResult> results) {
        Map<String, Integer> seenByModule = course.modules().stream().collect(Collectors.toMap(CourseModule::id,
                module -> (int) module.slides().stream()
                        .filter(slide -> seen.contains(new Place(module.id(), slide.id()))).count()));
        Map<Place, CheckResult> checks = results.stream()
                .collect(Collectors.toMap(r -> new Place(r.moduleId(), r.slideId()), r -> r));
        CourseModule module = place == null ? null : course.module(place.moduleId()).orElse(null);
        Slide slide = module == null ? null : module.slide(place.slideId()).orElse(null);
        return new CourseStanding(course, seenByModule, checks, slide == null ? null : module, slide);
    }

    /** The module is complete under the course's completion rule. */
    public boolean isComplete(CourseModule module) {
        CompletionRule rule = course.completion();
        boolean slidesDone = !rule.viewAllSlides() || seen(module.id()) == module.slides().size();
        boolean checksDone = !rule.passKnowledgeChecks() || module.slides().stream()
                .filter(slide -> slide instanceof KnowledgeCheckSlide)
                .allMatch(slide -> result(module, slide).map(CheckResult::passed).orElse(false));
        return slidesDone && checksDone;
    }

    public boolean isComplete() {
        return course.modules().stream().allMatch(this::isComplete);
    }

    /** The learner's best result on a knowledge-check slide, if they have tried it. */
    public Optional<CheckResult> result(CourseModule module, Slide slide) {
        return Optional.ofNullable(checks.get(new Place(module.id(), slide.id())));
    }

    public int seen(String moduleId) {
        return seenByModule.getOrDefault(moduleId, 0);
    }

    public int percent() {
        int total = course.modules().stream().mapToInt(m -> m.slides().size()).sum();
        int seen = seenByModule.values().stream().mapToInt(Integer::intValue).sum();
        return total == 0 ? 0 : Math.round(100f * seen / total);
    }

    /** There is a slide to go back to, and the course is not complete yet (then its page says so instead). */
    public boolean canResume() {
        return resumeSlide != null && !isComplete();
    }

    /**
     * The learner's scores on the course's knowledge test, once they have sat it both before and after the course;
     * they stay on show from then on.
     */
    public Optional<TestScores> testScores() {
        CheckResult before = checks.get(new Place(KnowledgeCheckRecords.TEST_MODULE, KnowledgeCheckRecords.BEFORE));
        CheckResult after = checks.get(new Place(KnowledgeCheckRecords.TEST_MODULE, KnowledgeCheckRecords.AFTER));
        return before == null || after == null ? Optional.empty()
                : Optional.of(new TestScores(before.bestPercent(), after.bestPercent()));
    }

    /** Percent correct on the knowledge test before and after the course. */
    public record TestScores(int beforePercent, int afterPercent) {
    }
}
