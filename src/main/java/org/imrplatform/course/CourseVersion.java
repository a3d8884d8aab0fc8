package org.imrplatform.course;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** One stored version of a course package, as listed to administrators. */
public record CourseVersion(long id, String courseId, int number, String title, String checksum, Origin origin,
        String publishedBy, Instant publishedAt, boolean current) {

    public LocalDateTime publishedAtUtc() {
        return LocalDateTime.ofInstant(publishedAt, ZoneOffset.UTC);
    }

    /** Where a version came from: shipped with the application, or uploaded by an administrator. */
    public enum Origin {
        BUNDLED, UPLOAD
    }
}
