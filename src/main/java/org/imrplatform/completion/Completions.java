package org.imrplatform.completion;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.imrplatform.assessment.CheckAnswered;
import org.imrplatform.assessment.KnowledgeCheckRecords;
import org.imrplatform.course.Course;
import org.imrplatform.course.CourseCatalog;
import org.imrplatform.progress.LearnerProgress;
import org.imrplatform.progress.SlideSeen;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides whether a learner has met a course's completion rule, and records the first moment they did (table
 * course_completion), so the completion date stays put even if a later version of the course adds slides. Meeting
 * the rule is announced as {@link CourseCompleted}.
 */
@Service
public class Completions {

    private final CourseCatalog catalog;
    private final LearnerProgress progress;
    private final KnowledgeCheckRecords checkRecords;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;

    Completions(CourseCatalog catalog, LearnerProgress progress, KnowledgeCheckRecords checkRecords, JdbcClient jdbc,
            ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.catalog = catalog;
        this.progress = progress;
        this.checkRecords = checkRecords;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public CourseStanding standing(long accountId, Course course) {
        return CourseStanding.of(course, progress.viewed(accountId, course.id()),
                progress.place(accountId, course.id()).orElse(null), checkRecords.results(accountId, course.id()));
    }

    /**
     * The courses the learner has opened, most recent first, with where they stand in each; each in {@code language}
     * when it has a translation into it (progress is kept by id, so it is the same in every language).
     */
    public List<CourseStanding> started(long accountId, Locale language) {
        return progress.startedCourses(accountId).stream().flatMap(id -> catalog.course(id).stream())
                .map(course -> standing(accountId, course.in(language))).toList();
    }

    public Optional<Instant> completedAt(long accountId, String courseId) {
        return jdbc.sql("select completed_at from course_completion where account_id = ? and course_id = ?")
                .params(accountId, courseId)
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }

    /** When the learner first met each course's rule, by course id. */
    public Map<String, Instant> completed(long accountId) {
        Map<String, Instant> completed = new HashMap<>();
        jdbc.sql("select course_id, completed_at from course_completion where account_id = ?").param(accountId)
                .query((rs, row) -> completed.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list();
        return completed;
    }

    /**
     * Most first views are not a learner's last unseen slide: when the rule asks for every slide, one count settles
     * that before the learner's whole standing is read.
     */
    @EventListener
    void on(SlideSeen seen) {
        Optional<Course> course = catalog.course(seen.courseId());
        if (course.isEmpty() || course.get().completion().viewAllSlides()
                && progress.seenCount(seen.accountId(), seen.courseId()) < course.get().slideCount()) {
            return;
        }
        transaction.executeWithoutResult(status -> noteProgress(seen.accountId(), course.get()));
    }

    @EventListener
    @Transactional
    void on(CheckAnswered answered) {
        catalog.course(answered.courseId()).ifPresent(course -> noteProgress(answered.accountId(), course));
    }

    /** Records and announces the first moment the learner meets the course's rule; nothing when they had. */
    private void noteProgress(long accountId, Course course) {
        String courseId = course.id();
        if (completedAt(accountId, courseId).isPresent() || !standing(accountId, course).isComplete()) {
            return;
        }
        Instant now = clock.instant();
        try {
            // A savepoint: when two tabs complete at the same moment, the loser's duplicate key undoes only this
            // insert, not the knowledge-check attempt stored in the same transaction.
            savepoint.executeWithoutResult(status -> jdbc.sql(
                            "insert into course_completion (account_id, course_id, completed_at) values (?, ?, ?)")
                    .params(accountId, courseId, now.atOffset(ZoneOffset.UTC)).update());
        } catch (DuplicateKeyException e) {
            return; // the other tab's completion stands and was announced
        }
        events.publishEvent(new CourseCompleted(accountId, courseId, now));
    }
}
