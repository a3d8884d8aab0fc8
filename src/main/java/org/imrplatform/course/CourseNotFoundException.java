package org.imrplatform.course;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An address named a course the catalog does not have; pages answer 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class CourseNotFoundException extends RuntimeException {

    CourseNotFoundException(String courseId) {
        super("No course '" + courseId + "'");
    }
}
