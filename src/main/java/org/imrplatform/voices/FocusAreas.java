package org.imrplatform.voices;

import java.util.List;
import java.util.Locale;

import org.imrplatform.course.Course;
import org.imrplatform.course.CourseCatalog;
import org.springframework.stereotype.Component;

/**
 * Areas of focus as comments belong to them: a survey comment by its event's area, an evaluation comment by its
 * course's area, which the course states in its package (so the catalog, not the database, picks the courses out).
 * Areas are told apart without regard to case, as the outcome figures do.
 */
@Component
class FocusAreas {

    /** An area asked about: its key for events and the ids of its courses. */
    record FocusArea(String key, List<String> courses) {
    }

    private final CourseCatalog catalog;

    FocusAreas(CourseCatalog catalog) {
        this.catalog = catalog;
    }

    FocusArea of(String area) {
        return new FocusArea(area.strip().toLowerCase(Locale.ROOT), catalog.courses().stream()
                .filter(course -> area.strip().equalsIgnoreCase(course.area())).map(Course::id).toList());
    }

    /** The area a course states, empty when it states none or is no longer in the catalog. */
    String ofCourse(String courseId) {
        return catalog.course(courseId).map(Course::area).orElse("");
    }

    /** A course's title for the administrator's list, its id when it is no longer in the catalog. */
    String courseTitle(String courseId) {
        return catalog.course(courseId).map(Course::title).orElse(courseId);
    }
}
