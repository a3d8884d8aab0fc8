package org.imrplatform.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Keeps every knowledge-check attempt of signed-in learners, with item-level answers, and sums them up. */
@Service
public class KnowledgeCheckRecords {

    /** Knowledge-test sittings are kept as attempts of this module, which no course can have (ids start [a-z0-9]). */
    public static final String TEST_MODULE = "_test";
    public static final String BEFORE = "before";
    public static final String AFTER = "after";

    /** A cohort's knowledge test: learners who sat both, and their mean scores before and after. */
    public record Gain(int learners, double before, double after) {

        public double points() {
            return after - before;
        }
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    KnowledgeCheckRecords(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Stores the attempt and its answers together: all of it or, on failure, none of it; then announces it. */
    @Transactional
    public void record(long accountId, String courseId, CheckAttempt attempt) {
        Instant now = clock.instant();
        long attemptId = insert(accountId, courseId, attempt, now);
        events.publishEvent(new CheckAnswered(accountId, courseId, attemptId, attempt, now));
    }

    /**
     * Stores a knowledge-test sitting ({@link #BEFORE} or {@link #AFTER}, the attempt's slide id) unless the learner
     * has sat it already, even in a request sent at the same moment; false, storing nothing, when they have. A stored
     * sitting is announced as {@link KnowledgeTestSat}.
     */
    public boolean recordSitting(long accountId, String courseId, CheckAttempt attempt) {
        try {
            transactions.executeWithoutResult(status -> {
                // The key is claimed first: a second claim fails before anything else is written.
                jdbc.sql("insert into knowledge_test_sitting (account_id, course_id, sitting) values (?, ?, ?)")
                        .params(accountId, courseId, attempt.slideId()).update();
                Instant now = clock.instant();
                long attemptId = insert(accountId, courseId, attempt, now);
                jdbc.sql("update knowledge_test_sitting set attempt_id = ? where account_id = ? and course_id = ?"
                                + " and sitting = ?")
                        .params(attemptId, accountId, courseId, attempt.slideId()).update();
                events.publishEvent(new KnowledgeTestSat(accountId, courseId, attemptId, attempt, now));
            });
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private long insert(long accountId, String courseId, CheckAttempt attempt, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into check_attempt (account_id, course_id, module_id, slide_id, correct, questions,
                                                   score_percent, passed, submitted_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(accountId, courseId, attempt.moduleId(), attempt.slideId(), attempt.correctCount(),
                        attempt.answers().size(), attempt.percent(), attempt.passed(),
                        at.atOffset(ZoneOffset.UTC))
                .update(key, "id");
        long attemptId = key.getKeyAs(Number.class).longValue();
        for (CheckAttempt.ItemAnswer answer : attempt.answers()) {
            jdbc.sql("insert into check_answer (attempt_id, question_id, chosen, correct) values (?, ?, ?, ?)")
                    .params(attemptId, answer.questionId(),
                            answer.chosen().stream().map(String::valueOf).collect(Collectors.joining(",")),
                            answer.correct())
                    .update();
        }
        return attemptId;
    }

    /** The knowledge-test results of every learner of the course who took it both before and after, once each. */
    public Gain gain(String courseId) {
        return jdbc.sql("""
                        select count(*), coalesce(avg(b.score_percent), 0), coalesce(avg(a.score_percent), 0)
                        from knowledge_test_sitting sb
                        join knowledge_test_sitting sa on sa.account_id = sb.account_id
                          and sa.course_id = sb.course_id and sa.sitting = ?
                        join check_attempt b on b.id = sb.attempt_id
                        join check_attempt a on a.id = sa.attempt_id
                        where sb.course_id = ? and sb.sitting = ?
                        """)
                .params(AFTER, courseId, BEFORE)
                .query((rs, row) -> new Gain(rs.getInt(1), rs.getDouble(2), rs.getDouble(3))).single();
    }

    /** Per question, the share (0-100) of knowledge-test answers that were right, for one sitting. */
    public Map<String, Double> itemShares(String courseId, String sitting) {
        return jdbc.sql("""
                        select i.question_id, avg(case when i.correct then 100.0 else 0.0 end)
                        from check_answer i join knowledge_test_sitting s on s.attempt_id = i.attempt_id
                        where s.course_id = ? and s.sitting = ?
                        group by i.question_id
                        """)
                .params(courseId, sitting)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getDouble(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The learner's most recent attempt at a knowledge check, with the options they chose (by position). */
    public Optional<CheckAttempt> latest(long accountId, String courseId, String moduleId, String slideId) {
        return jdbc.sql("""
                        select id, score_percent, passed from check_attempt
                        where account_id = ? and course_id = ? and module_id = ? and slide_id = ?
                        order by submitted_at desc, id desc fetch first 1 rows only
                        """)
                .params(accountId, courseId, moduleId, slideId)
                .query((rs, row) -> new StoredAttempt(rs.getLong(1), rs.getInt(2), rs.getBoolean(3))).optional()
                .map(stored -> new CheckAttempt(moduleId, slideId, answers(stored.id()), stored.percent(),
                        stored.passed()));
    }

    private record StoredAttempt(long id, int percent, boolean passed) {
    }

    private List<CheckAttempt.ItemAnswer> answers(long attemptId) {
        return jdbc.sql("select question_id, chosen, correct from check_answer where attempt_id = ?").param(attemptId)
                .query((rs, row) -> new CheckAttempt.ItemAnswer(rs.getString(1), positions(rs.getString(2)),
                        rs.getBoolean(3)))
                .list();
    }

    private static List<Integer> positions(String chosen) {
        return chosen == null || chosen.isEmpty() ? List.of()
                : Arrays.stream(chosen.split(",")).map(Integer::valueOf).toList();
    }

    public List<CheckResult> results(long accountId, String courseId) {
        return jdbc.sql("""
                        select module_id, slide_id, max(score_percent), max(case when passed then 1 else 0 end), count(*)
                        from check_attempt where account_id = ? and course_id = ?
                        group by module_id, slide_id
                        """)
                .params(accountId, courseId)
                .query((rs, row) -> new CheckResult(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4) == 1,
                        rs.getInt(5)))
                .list();
    }
}
