package org.imrplatform.course;

import org.springframework.web.util.UriUtils;

/**
 * The public addresses of course pages and package files. Links inside course content are resolved to these when a
 * package is read, so they are kept in one place with the controllers that serve them.
 */
public final class CourseAddresses {

    private CourseAddresses() {
    }

    public static String course(String courseId) {
        return "/courses/" + courseId;
    }

    public static String module(String courseId, String moduleId) {
        return course(courseId) + "/modules/" + moduleId;
    }

    public static String slide(String courseId, String moduleId, String slideId) {
        return module(courseId, moduleId) + "/slides/" + slideId;
    }

    /** Package files are addressed by content checksum: a version's files never change, so they cache forever. */
    public static String asset(String courseId, String checksum, String path) {
        return course(courseId) + "/assets/" + checksum + "/" + UriUtils.encodePath(path, "UTF-8");
    }
}
