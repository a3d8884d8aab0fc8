package org.imrplatform.assessment;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    KnowledgeCheckRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the attempt and its answers together: all of it or, on failure, none of it. */
    @Transactional
    public void record(long accountId, String courseId, CheckAttempt attempt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into check_attempt (account_id, course_id, module_id, slide_id, correct, questions,
                                                   score_percent, passed, submitted_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(accountId, courseId, attempt.moduleId(), attempt.slideId(), attempt.correctCount(),
                        attempt.answers().size(), attempt.percent(), attempt.passed(),
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update(key, "id");
        long attemptId = key.getKeyAs(Number.class).longValue();
        for (CheckAttempt.ItemAnswer answer : attempt.answers()) {
            jdbc.sql("insert into check_answer (attempt_id, question_id, chosen, correct) values (?, ?, ?, ?)")
                    .params(attemptId, answer.questionId(),
                            answer.chosen().stream().map(String::valueOf).collect(Collectors.joining(",")),
                            answer.correct())
                    .update();
        }
    }

    /** The knowledge-test results of every learner of the course who took it both before and after. */
    public Gain gain(String courseId) {
        return jdbc.sql("""
                        select count(*), coalesce(avg(b.score_percent), 0), coalesce(avg(a.score_percent), 0)
                        from check_attempt b join check_attempt a
                          on a.account_id = b.account_id and a.course_id = b.course_id
                        where b.course_id = ? and b.module_id = ? and b.slide_id = ?
                          and a.module_id = ? and a.slide_id = ?
                        """)
                .params(courseId, TEST_MODULE, BEFORE, TEST_MODULE, AFTER)
                .query((rs, row) -> new Gain(rs.getInt(1), rs.getDouble(2), rs.getDouble(3))).single();
    }

    /** Per question, the share (0-100) of knowledge-test answers that were right, for one sitting. */
    public Map<String, Double> itemShares(String courseId, String sitting) {
        return jdbc.sql("""
                        select i.question_id, avg(case when i.correct then 100.0 else 0.0 end)
                        from check_answer i join check_attempt t on t.id = i.attempt_id
                        where t.course_id = ? and t.module_id = ? and t.slide_id = ?
                        group by i.question_id
                        """)
                .params(courseId, TEST_MODULE, sitting)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getDouble(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
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
