package org.imrplatform.course;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores course package versions and which version of each course is current. */
@Repository
class CourseVersionRepository {

    private static final String VERSION_COLUMNS = """
            v.id, v.course_id, v.version_number, v.title, v.checksum, v.origin, v.published_by, v.published_at,
            (c.current_version_id = v.id) as is_current
            """;

    private final JdbcClient jdbc;

    CourseVersionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Current version id of every course. */
    Map<String, Long> currentVersionIds() {
        return jdbc.sql("select id, current_version_id from course")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    byte[] packageZip(long versionId) {
        return jdbc.sql("select package_zip from course_version where id = ?").param(versionId)
                .query((rs, row) -> rs.getBytes(1)).single();
    }

    Optional<CourseVersion> find(String courseId, String checksum) {
        return jdbc.sql("select " + VERSION_COLUMNS
                        + " from course_version v left join course c on c.id = v.course_id"
                        + " where v.course_id = ? and v.checksum = ?")
                .params(courseId, checksum).query(this::version).optional();
    }

    Optional<CourseVersion> find(String courseId, int number) {
        return jdbc.sql("select " + VERSION_COLUMNS
                        + " from course_version v left join course c on c.id = v.course_id"
                        + " where v.course_id = ? and v.version_number = ?")
                .params(courseId, number).query(this::version).optional();
    }

    List<CourseVersion> versions(String courseId) {
        return jdbc.sql("select " + VERSION_COLUMNS
                        + " from course_version v left join course c on c.id = v.course_id"
                        + " where v.course_id = ? order by v.version_number desc")
                .param(courseId).query(this::version).list();
    }

    Optional<CourseVersion> current(String courseId) {
        return versions(courseId).stream().filter(CourseVersion::current).findFirst();
    }

    long insert(Course course, String checksum, CourseVersion.Origin origin, String publishedBy, byte[] zip) {
        int number = jdbc.sql("select coalesce(max(version_number), 0) + 1 from course_version where course_id = ?")
                .param(course.id()).query(Integer.class).single();
        jdbc.sql("""
                        insert into course_version (course_id, version_number, checksum, title, origin, published_by,
                                                    published_at, package_zip)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(course.id(), number, checksum, course.title(), origin.name().toLowerCase(Locale.ROOT),
                        publishedBy, OffsetDateTime.now(ZoneOffset.UTC), zip)
                .update();
        return jdbc.sql("select id from course_version where course_id = ? and version_number = ?")
                .params(course.id(), number).query(Long.class).single();
    }

    void makeCurrent(String courseId, long versionId) {
        int updated = jdbc.sql("update course set current_version_id = ? where id = ?")
                .params(versionId, courseId).update();
        if (updated == 0) {
            jdbc.sql("insert into course (id, current_version_id) values (?, ?)").params(courseId, versionId).update();
        }
    }

    private CourseVersion version(ResultSet rs, int row) throws SQLException {
        return new CourseVersion(rs.getLong("id"), rs.getString("course_id"), rs.getInt("version_number"),
                rs.getString("title"), rs.getString("checksum"),
                CourseVersion.Origin.valueOf(rs.getString("origin").toUpperCase(Locale.ROOT)),
                rs.getString("published_by"), rs.getObject("published_at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("is_current"));
    }
}
