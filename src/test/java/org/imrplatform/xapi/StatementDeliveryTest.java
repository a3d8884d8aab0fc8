package org.imrplatform.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.imrplatform.support.TestLrs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A store that answers 500, hangs past the timeout, refuses the statement or is down for a while: no statement is
 * lost, none is stored twice, waits grow, and a learner's pages are answered all the while.
 */
@PlatformTest
@ContextConfiguration(initializers = TestLrs.Configured.class)
class StatementDeliveryTest {

    private static final String SLIDES = "/courses/test-course/modules/basics/slides/";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StatementSender sender;

    @Autowired
    LearnerKeys keys;

    private final TestLrs lrs = TestLrs.shared();

    @BeforeEach
    @AfterEach
    void storeWorksAndNothingWaits() {
        EmptyOutbox.sendEverythingWaiting(jdbc, sender);
    }

    private record Learner(Cookie session, long id) {
    }

    private Learner learner(String name) throws Exception {
        String email = Learners.email(name);
        Cookie session = Learners.register(mvc, email);
        return new Learner(session, jdbc.sql("select id from account where email_key = ?")
                .param(email.toLowerCase(Locale.ROOT)).query(Long.class).single());
    }

    private void view(Learner learner, String slide) throws Exception {
        mvc.perform(get(SLIDES + slide).cookie(learner.session())).andExpect(status().isOk());
    }

    private String slideStatement(Learner learner, String slide) {
        return keys.statementId("experienced", learner.id(), "test-course", "basics", slide);
    }

    private record Row(String status, int attempts, Instant nextAttempt, String failure) {
    }

    private Row row(String id) {
        return jdbc.sql("select status, attempts, next_attempt_at, failure from xapi_statement where id = ?").param(id)
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
                .single();
    }

    /** Time passes: the statement's wait is over. */
    private void due(String id) {
        jdbc.sql("update xapi_statement set next_attempt_at = ? where id = ?")
                .params(OffsetDateTime.now().minusSeconds(1), id).update();
    }

    @Test
    void aStoreAnswering500GetsTheStatementLaterWithLongerWaitsAndStoresItOnce() throws Exception {
        Learner learner = learner("xapi-500");
        lrs.answer(TestLrs.Mode.FAIL_500);
        view(learner, "welcome");
        String id = slideStatement(learner, "welcome");

        assertThat(sender.sendDue()).isZero();
        Row first = row(id);
        assertThat(first).extracting(Row::status, Row::attempts, Row::failure).containsExactly("PENDING", 1, "500");
        assertThat(Duration.between(Instant.now(), first.nextAttempt())).isBetween(Duration.ofSeconds(20),
                Duration.ofSeconds(31));

        assertThat(sender.sendDue()).as("not due yet: the store is left alone").isZero();
        assertThat(lrs.timesSent(id)).isEqualTo(1);

        due(id);
        sender.sendDue();
        Row second = row(id);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(Duration.between(Instant.now(), second.nextAttempt())).as("the wait doubles")
                .isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61));

        lrs.answer(TestLrs.Mode.STORE);
        due(id);
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(row(id)).extracting(Row::status, Row::attempts, Row::failure).containsExactly("SENT", 3, null);
        assertThat(lrs.statement(id)).isNotNull();
        assertThat(lrs.statementsOf(keys.actorName(learner.id()))).hasSize(1);
    }

    @Test
    void aStoreThatHangsPastTheTimeoutIsAskedAgainAndKeepsOneCopy() throws Exception {
        Learner learner = learner("xapi-hang");
        lrs.answer(TestLrs.Mode.HANG);
        view(learner, "welcome");
        String id = slideStatement(learner, "welcome");

        sender.sendDue();   // the store took it but did not answer within the timeout
        assertThat(row(id)).extracting(Row::status, Row::failure).containsExactly("PENDING", "timeout");

        lrs.answer(TestLrs.Mode.STORE);
        due(id);
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(row(id).status()).isEqualTo("SENT");
        assertThat(lrs.timesSent(id)).isEqualTo(2);
        assertThat(lrs.statementsOf(keys.actorName(learner.id()))).as("sent twice, stored once").hasSize(1);
    }

    @Test
    void aStoreDownForAWhileLosesNothingAndTheRestWaitForTheNextRound() throws Exception {
        Learner learner = learner("xapi-down");
        lrs.down();
        for (String slide : List.of("welcome", "elements", "story")) {
            view(learner, slide);
        }
        List<String> ids = List.of(slideStatement(learner, "welcome"), slideStatement(learner, "elements"),
                slideStatement(learner, "story"));

        sender.sendDue();
        assertThat(ids.stream().mapToInt(id -> row(id).attempts()).sum())
                .as("one refused connection ends the round").isEqualTo(1);
        assertThat(ids.stream().map(id -> row(id).failure()).filter(f -> f != null)).containsExactly("unreachable");

        ids.forEach(this::due);
        sender.sendDue();
        lrs.up();
        ids.forEach(this::due);
        assertThat(sender.sendDue()).isEqualTo(3);
        assertThat(ids).allSatisfy(id -> {
            assertThat(row(id).status()).isEqualTo("SENT");
            assertThat(lrs.timesSent(id)).isEqualTo(1);
        });
        assertThat(lrs.statementsOf(keys.actorName(learner.id()))).hasSize(3);
    }

    @Test
    void aStatementTheStoreRefusesIsFailedForGoodWithItsReason() throws Exception {
        Learner learner = learner("xapi-400");
        lrs.answer(TestLrs.Mode.REJECT_400);
        view(learner, "welcome");
        view(learner, "elements");

        sender.sendDue();
        assertThat(row(slideStatement(learner, "welcome"))).extracting(Row::status, Row::attempts, Row::failure)
                .containsExactly("FAILED", 1, "400");
        assertThat(row(slideStatement(learner, "elements")).status()).as("a refused statement stops no other")
                .isEqualTo("FAILED");
        lrs.answer(TestLrs.Mode.STORE);
        assertThat(sender.sendDue()).as("failed statements wait for an administrator").isZero();
    }

    @Test
    void statementsTheStoreHasHadForAMonthLeaveTheOutboxButNoneWaitingOrRefused() throws Exception {
        Learner learner = learner("xapi-forget");
        view(learner, "welcome");
        view(learner, "elements");
        view(learner, "story");
        String sentLongAgo = slideStatement(learner, "welcome");
        String sentLately = slideStatement(learner, "elements");
        String refused = slideStatement(learner, "story");
        sender.sendDue();
        OffsetDateTime monthAgo = OffsetDateTime.now().minusDays(31);
        jdbc.sql("update xapi_statement set sent_at = ? where id = ?").params(monthAgo, sentLongAgo).update();
        jdbc.sql("update xapi_statement set status = 'FAILED', failure = '400', created_at = ? where id = ?")
                .params(monthAgo, refused).update();

        sender.sendDueOnTimer();

        assertThat(jdbc.sql("select id from xapi_statement where id in (?, ?, ?)")
                .params(sentLongAgo, sentLately, refused).query(String.class).list())
                .containsExactlyInAnyOrder(sentLately, refused);
    }

    @Test
    void twoSendersAtOnceSendEachStatementOnce() throws Exception {
        Learner learner = learner("xapi-race");
        List<String> ids = new ArrayList<>();
        for (String slide : List.of("objectives", "welcome", "elements", "reflect", "story", "check", "reading",
                "goodbye")) {
            view(learner, slide);
            ids.add(slideStatement(learner, slide));
        }

        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(sender::sendDue);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(sender::sendDue);
        assertThat(one.get(30, TimeUnit.SECONDS) + two.get(30, TimeUnit.SECONDS)).isEqualTo(ids.size());
        assertThat(ids).allSatisfy(id -> assertThat(lrs.timesSent(id)).isEqualTo(1));
    }

    @Test
    void whileTheStoreHangsALearnersSlidePageIsStillAnswered() throws Exception {
        Learner learner = learner("xapi-page");
        lrs.answer(TestLrs.Mode.HANG);
        view(learner, "welcome");
        CompletableFuture<Integer> sending = CompletableFuture.supplyAsync(sender::sendDue);
        while (lrs.hanging() == 0 && !sending.isDone()) {
            Thread.onSpinWait();
        }
        assertThat(lrs.hanging()).as("the sender is waiting on the store").isEqualTo(1);

        String page = mvc.perform(get(SLIDES + "elements").cookie(learner.session())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("slide-title");
        assertThat(row(slideStatement(learner, "elements")).status()).as("queued while the store hangs")
                .isEqualTo("PENDING");
        lrs.answer(TestLrs.Mode.STORE);
        sending.get(30, TimeUnit.SECONDS);
    }
}
