package org.imrplatform.evaluation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores each learner's evaluation of a course. A submitted evaluation is never changed. */
@Service
public class CourseEvaluations {

    private final JdbcClient jdbc;

    CourseEvaluations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A learner's stored answers, and when they were submitted (null for a draft). */
    record Evaluation(EvaluationForm answers, Instant submittedAt) {

        boolean isSubmitted() {
            return submittedAt != null;
        }
    }

    Optional<Evaluation> find(long accountId, String courseId) {
        return jdbc.sql("""
                        select overall_quality, recommend, benefit, use_in_practice, comments, submitted_at
                        from course_evaluation where account_id = ? and course_id = ?
                        """)
                .params(accountId, courseId)
                .query((rs, row) -> new Evaluation(new EvaluationForm(rs.getObject(1, Integer.class),
                        rs.getObject(2, Integer.class), rs.getObject(3, Integer.class), rs.getObject(4, Integer.class),
                        rs.getString(5)), Optional.ofNullable(rs.getObject(6, OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null)))
                .optional();
    }

    public boolean isSubmitted(long accountId, String courseId) {
        return find(accountId, courseId).map(Evaluation::isSubmitted).orElse(false);
    }

    /**
     * Saves the answers, and submits them when asked. Returns false, changing nothing, when the evaluation was
     * already submitted (for example from another tab).
     */
    @Transactional
    boolean save(long accountId, String courseId, EvaluationForm form, boolean submit) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime submittedAt = submit ? now : null;
        if (find(accountId, courseId).isEmpty()) {
            jdbc.sql("insert into course_evaluation (account_id, course_id, updated_at) values (?, ?, ?)")
                    .params(accountId, courseId, now).update();
        }
        return jdbc.sql("""
                        update course_evaluation set overall_quality = ?, recommend = ?, benefit = ?,
                            use_in_practice = ?, comments = ?, updated_at = ?, submitted_at = ?
                        where account_id = ? and course_id = ? and submitted_at is null
                        """)
                .params(form.overallQuality(), form.recommend(), form.benefit(), form.useInPractice(),
                        form.comments() == null ? null : form.comments().strip(), now, submittedAt, accountId,
                        courseId)
                .update() == 1;
    }
}
