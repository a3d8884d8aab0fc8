package org.imrplatform.learn;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.imrplatform.course.Course;
import org.imrplatform.course.CourseModule;
import org.imrplatform.course.Slide;
import org.imrplatform.progress.Place;

/**
 * A learner's progress through the current version of a course: slides seen per module and the slide to resume.
 * Places that are no longer in the course (after a new version) simply do not count.
 */
record CourseProgress(Course course, Map<String, Integer> seenByModule, CourseModule resumeModule, Slide resumeSlide) {

    static CourseProgress of(Course course, Set<Place> seen, Place place) {
        Map<String, Integer> seenByModule = course.modules().stream().collect(Collectors.toMap(CourseModule::id,
                module -> (int) module.slides().stream()
                        .filter(slide -> seen.contains(new Place(module.id(), slide.id()))).count()));
        CourseModule module = place == null ? null : course.module(place.moduleId()).orElse(null);
        Slide slide = module == null ? null : module.slide(place.slideId()).orElse(null);
        return new CourseProgress(course, seenByModule, slide == null ? null : module, slide);
    }

    public int seen(String moduleId) {
        return seenByModule.getOrDefault(moduleId, 0);
    }

    public int percent() {
        int total = course.modules().stream().mapToInt(m -> m.slides().size()).sum();
        int seen = seenByModule.values().stream().mapToInt(Integer::intValue).sum();
        return total == 0 ? 0 : Math.round(100f * seen / total);
    }

    public boolean canResume() {
        return resumeSlide != null;
    }
}
