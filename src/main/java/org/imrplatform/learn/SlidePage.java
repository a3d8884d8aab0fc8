package org.imrplatform.learn;

import java.util.List;

import org.imrplatform.course.Course;
import org.imrplatform.course.CourseModule;
import org.imrplatform.course.Slide;

/**
 * What a slide page shows around the slide: where it sits in the module, where the learner can go next, and the
 * other languages the same slide can be read in.
 */
record SlidePage(Course course, CourseModule module, Slide slide, int number, int total, Slide previous, Slide next,
        CourseModule nextModule, List<String> otherLanguages) {

    /**
     * @param course the course in the language shown
     * @param languages every language the course can be read in
     */
    static SlidePage of(Course course, CourseModule module, int index, List<String> languages) {
        int last = module.slides().size() - 1;
        return new SlidePage(course, module, module.slides().get(index), index + 1, last + 1,
                index > 0 ? module.slides().get(index - 1) : null,
                index < last ? module.slides().get(index + 1) : null,
                index == last ? course.moduleAfter(module.id()).orElse(null) : null,
                languages.stream().filter(language -> !language.equals(course.language())).toList());
    }

    public int percent() {
        return Math.round(100f * number / total);
    }
}
