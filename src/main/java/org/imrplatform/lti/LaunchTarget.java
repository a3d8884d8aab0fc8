package org.imrplatform.lti;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.imrplatform.course.Course;
import org.imrplatform.course.CourseAddresses;
import org.imrplatform.course.CourseCatalog;

/** The course, or module of a course, a launch opens: only this site's own course and module addresses. */
record LaunchTarget(String courseId, String moduleId) {

    private static final Pattern COURSE_PATH = Pattern.compile(
            "/courses/([A-Za-z0-9][A-Za-z0-9_-]{0,99})(?:/modules/([A-Za-z0-9][A-Za-z0-9_-]{0,99}))?/?");

    /** The page the learner lands on, as a path of this site. */
    String path() {
        return moduleId == null ? CourseAddresses.course(courseId) : CourseAddresses.module(courseId, moduleId);
    }

    /**
     * The target a launch's target_link_uri names, when it is an address of this site (the same scheme, host and
     * port as the configured public address, no query or fragment) of a course or module that exists.
     */
    static Optional<LaunchTarget> of(String targetLinkUri, String siteAddress, CourseCatalog catalog) {
        if (targetLinkUri == null || targetLinkUri.length() > 1000) {
            return Optional.empty();
        }
        try {
            URI target = new URI(targetLinkUri);
            URI site = new URI(siteAddress);
            if (!target.isAbsolute() || !site.getScheme().equals(target.getScheme())
                    || !site.getHost().equalsIgnoreCase(String.valueOf(target.getHost()))
                    || site.getPort() != target.getPort() || target.getRawQuery() != null
                    || target.getRawFragment() != null || target.getRawUserInfo() != null) {
                return Optional.empty();
            }
            Matcher path = COURSE_PATH.matcher(String.valueOf(target.getRawPath()));
            if (!path.matches()) {
                return Optional.empty();
            }
            Optional<Course> course = catalog.course(path.group(1));
            if (course.isEmpty() || (path.group(2) != null && course.get().module(path.group(2)).isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(new LaunchTarget(path.group(1), path.group(2)));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
