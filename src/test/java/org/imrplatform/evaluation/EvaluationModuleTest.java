package org.imrplatform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.imrplatform.completion.CourseCompleted;
import org.imrplatform.course.CourseCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The evaluation module alone: a completion announced by another module opens the learner's evaluation. */
@ApplicationModuleTest(extraIncludes = "shared")
@ActiveProfiles("test")
class EvaluationModuleTest {

    @Autowired
    CourseEvaluations evaluations;

    @Autowired
    JdbcClient jdbc;

    /** The course pages are not under test: the catalog of the course module stands in. */
    @MockitoBean
    CourseCatalog catalog;

    @Test
    void aCompletionOpensTheEvaluation(Scenario scenario) {
        String email = "module-" + UUID.randomUUID() + "@example.org";
        jdbc.sql("""
                        insert into account (email, email_key, full_name, discipline, organization, region, enabled,
                                             created_at)
                        values (?, ?, 'Module Test', 'OTHER', 'Test', 'NY', true, current_timestamp)
                        """).params(email, email).update();
        long learner = jdbc.sql("select id from account where email_key = ?").param(email).query(Long.class).single();
        String course = "module-" + UUID.randomUUID();
        assertThat(evaluations.isOpen(learner, course)).isFalse();

        scenario.publish(new CourseCompleted(learner, course, Instant.parse("2026-05-01T12:00:00Z")))
                .andWaitForStateChange(() -> evaluations.isOpen(learner, course))
                .andVerify(open -> assertThat(open).isTrue());
    }
}
