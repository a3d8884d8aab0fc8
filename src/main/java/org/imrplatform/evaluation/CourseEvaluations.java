package org.imrplatform.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.imrplatform.completion.CourseCompleted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Stores each learner's evaluation of a course. The evaluation opens when the learner completes the course (told by
 * {@link CourseCompleted}); a submitted evaluation is never changed.
 */
@Service
public class CourseEvaluations {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher changes;

    CourseEvaluations(JdbcClient jdbc, Clock clock, ApplicationEventPublisher changes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.changes = changes;
    }

    /**
     * Opens the learner's evaluation right after their completion is committed, before their next page. Through
     * the event publication registry: if this does not finish, the event is delivered again, and a second
     * delivery changes nothing.
     */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void open(CourseCompleted completed) {
        jdbc.sql("""
                        insert into evaluation_opening (account_id, course_id, opened_at)
                        select ?, ?, ? where not exists (select 1 from evaluation_opening
                            where account_id = ? and course_id = ?)
                        """)
                .params(completed.accountId(), completed.courseId(), now(), completed.accountId(),
                        completed.courseId())
                .update();
    }

    /** The learner may evaluate the course: they have completed it. */
    public boolean isOpen(long accountId, String courseId) {
        return jdbc.sql("select count(*) from evaluation_opening where account_id = ? and course_id = ?")
                .params(accountId, courseId).query(Long.class).single() > 0;
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
        OffsetDateTime now = now();
        OffsetDateTime submittedAt = submit ? now : null;
        if (find(accountId, courseId).isEmpty()) {
            jdbc.sql("insert into course_evaluation (account_id, course_id, updated_at) values (?, ?, ?)")
                    .params(accountId, courseId, now).update();
        }
        boolean saved = jdbc.sql("""
                        update course_evaluation set overall_quality = ?, recommend = ?, benefit = ?,
                            use_in_practice = ?, comments = ?, updated_at = ?, submitted_at = ?
                        where account_id = ? and course_id = ? and submitted_at is null
                        """)
                .params(form.overallQuality(), form.recommend(), form.benefit(), form.useInPractice(),
                        form.comments() == null ? null : form.comments().strip(), now, submittedAt, accountId,
                        courseId)
                .update() == 1;
        if (saved && submit) {
            changes.publishEvent(new EvaluationSubmitted(accountId, courseId, now.toInstant()));
        }
        return saved;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
