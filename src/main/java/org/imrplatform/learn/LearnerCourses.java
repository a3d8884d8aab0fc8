package org.imrplatform.learn;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.imrplatform.assessment.KnowledgeCheckRecords;
import org.imrplatform.course.Course;
import org.imrplatform.course.CourseCatalog;
import org.imrplatform.progress.LearnerProgress;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A learner's standing in their courses. The moment a learner first meets a course's completion rule is written
 * down, so the completion date stays put even if a later version of the course adds slides.
 */
@Service
public class LearnerCourses {

    private final CourseCatalog catalog;
    private final LearnerProgress progress;
    private final KnowledgeCheckRecords checkRecords;
    private final JdbcClient jdbc;

    LearnerCourses(CourseCatalog catalog, LearnerProgress progress, KnowledgeCheckRecords checkRecords,
            JdbcClient jdbc) {
        this.catalog = catalog;
        this.progress = progress;
        this.checkRecords = checkRecords;
        this.jdbc = jdbc;
    }

    CourseProgress progress(long accountId, Course course) {
        return CourseProgress.of(course, progress.viewed(accountId, course.id()),
                progress.place(accountId, course.id()).orElse(null), checkRecords.results(accountId, course.id()));
    }

    List<CourseProgress> started(long accountId) {
        return progress.startedCourses(accountId).stream().flatMap(id -> catalog.course(id).stream())
                .map(course -> progress(accountId, course)).toList();
    }

    /** Called after anything that may complete a course: records the first moment the rule is met. */
    void noteProgress(long accountId, Course course) {
        if (completedAt(accountId, course.id()).isEmpty() && progress(accountId, course).isComplete()) {
            try {
                jdbc.sql("insert into course_completion (account_id, course_id, completed_at) values (?, ?, ?)")
                        .params(accountId, course.id(), OffsetDateTime.now(ZoneOffset.UTC)).update();
            } catch (DuplicateKeyException e) {
                // completed in another tab at the same moment: the first record stands
            }
        }
    }

    public Optional<Instant> completedAt(long accountId, String courseId) {
        return jdbc.sql("select completed_at from course_completion where account_id = ? and course_id = ?")
                .params(accountId, courseId)
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }
}
