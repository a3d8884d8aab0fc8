package org.imrplatform.assessment;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps every knowledge-check attempt of signed-in learners, with item-level answers, and sums them up. */
@Service
public class KnowledgeCheckRecords {

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
