package org.imrplatform.learn;

import org.imrplatform.course.Course;
import org.imrplatform.course.CourseModule;
import org.imrplatform.course.Slide;

/** What a slide page shows around the slide: where it sits in the module and where the learner can go next. */
record SlidePage(Course course, CourseModule module, Slide slide, int number, int total, Slide previous, Slide next,
        CourseModule nextModule) {

    static SlidePage of(Course course, CourseModule module, int index) {
        int last = module.slides().size() - 1;
        return new SlidePage(course, module, module.slides().get(index), index + 1, last + 1,
                index > 0 ? module.slides().get(index - 1) : null,
                index < last ? module.slides().get(index + 1) : null,
                index == last ? course.moduleAfter(module.id()).orElse(null) : null);
    }

    public int percent() {
        return Math.round(100f * number / total);
    }
}
