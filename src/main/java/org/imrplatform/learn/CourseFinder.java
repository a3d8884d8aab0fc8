package org.imrplatform.learn;

import java.util.Locale;

import org.imrplatform.course.Course;
import org.imrplatform.course.CourseCatalog;
import org.imrplatform.course.CourseModule;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Looks up the course and module named in an address, answering 404 for ones that do not exist. */
@Component
class CourseFinder {

    private final CourseCatalog catalog;

    CourseFinder(CourseCatalog catalog) {
        this.catalog = catalog;
    }

    CourseCatalog catalog() {
        return catalog;
    }

    Course course(String courseId) {
        return catalog.require(courseId);
    }

    /** The course as a reader of {@code language} gets it: in that language when it has a translation. */
    Course course(String courseId, Locale language) {
        return course(courseId).in(language);
    }

    CourseModule module(Course course, String moduleId) {
        return course.module(moduleId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
