package org.imrplatform.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import java.time.Instant;
import java.util.UUID;

import org.imrplatform.evaluation.CourseEvaluations;
import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A completion is committed, then a listener does not finish (here it fails, as if the node died under it): the
 * event publication registry keeps the event, delivers it again, and a second delivery changes nothing.
 */
@PlatformTest
class CourseCompletedDeliveryTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    IncompleteEventPublications outstanding;

    @MockitoSpyBean
    CourseEvaluations evaluations;

    @AfterEach
    void listenAgain() {
        reset(evaluations);
    }

    private long learner() throws Exception {
        String email = Learners.email("delivery");
        Learners.register(mvc, email);
        return jdbc.sql("select id from account where email = ?").param(email).query(Long.class).single();
    }

    private void complete(CourseCompleted completed) {
        transactions.executeWithoutResult(status -> events.publishEvent(completed));
    }

    /** The evaluation's outstanding deliveries: other listeners (some run off the request thread) may still be busy. */
    private long outstandingFor(String courseId) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null"
                + " and serialized_event like ? and listener_id like ?")
                .params("%" + courseId + "%", "%" + CourseEvaluations.class.getName() + "%").query(Long.class).single();
    }

    @Test
    void anEventWhoseListenerDidNotFinishIsDeliveredAgainAndOnlyOnceTakesEffect() throws Exception {
        long learner = learner();
        String course = "delivery-" + UUID.randomUUID();
        CourseCompleted completed = new CourseCompleted(learner, course, Instant.parse("2026-03-04T10:00:00Z"));
        doThrow(new IllegalStateException("node died")).when(evaluations).open(completed);

        complete(completed);

        assertThat(evaluations.isOpen(learner, course)).as("the failed listener left nothing").isFalse();
        assertThat(jdbc.sql("select completed_on from certificate_claim where account_id = ? and course_id = ?")
                .params(learner, course).query(String.class).single())
                .as("the other listener ran on its own").isEqualTo("2026-03-04");
        assertThat(outstandingFor(course)).as("the undelivered event is kept").isEqualTo(1);

        reset(evaluations);
        outstanding.resubmitIncompletePublications(publication -> publication.getEvent().equals(completed));

        assertThat(evaluations.isOpen(learner, course)).as("delivered again, the evaluation opens").isTrue();
        assertThat(outstandingFor(course)).as("nothing left to deliver").isZero();

        complete(completed);
        assertThat(jdbc.sql("select count(*) from evaluation_opening where account_id = ? and course_id = ?")
                .params(learner, course).query(Long.class).single()).as("a second delivery changes nothing")
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from certificate_claim where account_id = ? and course_id = ?")
                .params(learner, course).query(Long.class).single()).isEqualTo(1);
    }
}
