package org.imrplatform.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

    private record Row(String status, int attempts, String failure) {
    }

    private Row row(String id) {
        return jdbc.sql("select status, attempts, failure from xapi_statement where id = ?").param(id)
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3))).single();
    }

    /** Time passes: the store's wait is over. */
    private void storeDue() {
        EmptyOutbox.storeDue(jdbc);
    }

    private Duration storeWait() {
        return Duration.between(Instant.now(), EmptyOutbox.storeResumesAt(jdbc).toInstant());
    }

    @Test
    void aStoreAnswering500GetsTheStatementLaterWithLongerWaitsAndStoresItOnce() throws Exception {
        Learner learner = learner("xapi-500");
        lrs.answer(TestLrs.Mode.FAIL_500);
        view(learner, "welcome");
        String id = slideStatement(learner, "welcome");

        assertThat(sender.sendDue()).isZero();
        assertThat(row(id)).extracting(Row::status, Row::attempts, Row::failure).containsExactly("PENDING", 1, "500");
        assertThat(storeWait()).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(31));

        assertThat(sender.sendDue()).as("not due yet: the store is left alone").isZero();
        assertThat(lrs.timesSent(id)).isEqualTo(1);

        storeDue();
        sender.sendDue();
        assertThat(row(id).attempts()).isEqualTo(2);
        assertThat(storeWait()).as("the wait doubles").isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61));

        lrs.answer(TestLrs.Mode.STORE);
        storeDue();
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
        storeDue();
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(row(id).status()).isEqualTo("SENT");
        assertThat(lrs.timesSent(id)).isEqualTo(2);
        assertThat(lrs.statementsOf(keys.actorName(learner.id()))).as("sent twice, stored once").hasSize(1);
    }

    /**
     * The store is backed off, not each statement: while it is down it is asked once per wait, with the oldest
     * statement, however many wait; once it is back they all go, oldest first.
     */
    @Test
    void aStoreDownForAWhileIsAskedOncePerWaitLosesNothingAndGetsTheOldestFirst() throws Exception {
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

        sender.sendDue();
        sender.sendDue();
        assertThat(ids.stream().mapToInt(id -> row(id).attempts()).sum())
                .as("within the wait the store is not asked, even for statements never tried").isEqualTo(1);

        storeDue();
        sender.sendDue();
        assertThat(ids.stream().map(id -> row(id).attempts()).toList()).as("asked again with the oldest, once")
                .containsExactly(2, 0, 0);

        lrs.up();
        storeDue();
        assertThat(sender.sendDue()).isEqualTo(3);
        assertThat(ids).allSatisfy(id -> {
            assertThat(row(id).status()).isEqualTo("SENT");
            assertThat(lrs.timesSent(id)).isEqualTo(1);
        });
        assertThat(lrs.statementsOf(keys.actorName(learner.id())).stream().map(s -> s.at("/id").asText()))
                .as("oldest first").containsExactlyElementsOf(ids);
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

    /**
     * The hourly upkeep: sent statements leave after imr.xapi.keep-sent (30 days), statements waiting longer than
     * imr.xapi.give-up-after (14 days: say the store refuses the credentials) are failed as given up, and failed
     * ones leave after imr.xapi.keep-failed (90 days).
     */
    @Test
    void theUpkeepForgetsOldSentGivesUpOnLongWaitingAndDeletesOldFailed() throws Exception {
        Learner learner = learner("xapi-forget");
        List<String> slides = List.of("welcome", "elements", "story", "reflect", "check");
        slides.forEach(slide -> {
            try {
                view(learner, slide);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String sentLongAgo = slideStatement(learner, "welcome");
        String sentLately = slideStatement(learner, "elements");
        String refusedLately = slideStatement(learner, "story");
        String refusedLongAgo = slideStatement(learner, "reflect");
        String waitingLong = slideStatement(learner, "check");
        sender.sendDue();
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("update xapi_statement set sent_at = ? where id = ?").params(now.minusDays(31), sentLongAgo).update();
        jdbc.sql("update xapi_statement set status = 'FAILED', failure = '400', failed_at = ? where id = ?")
                .params(now.minusDays(31), refusedLately).update();
        jdbc.sql("update xapi_statement set status = 'FAILED', failure = '400', failed_at = ? where id = ?")
                .params(now.minusDays(91), refusedLongAgo).update();

        sender.sendDueOnTimer();
        assertThat(row(sentLongAgo).status()).as("the send timer leaves the upkeep to its own").isEqualTo("SENT");
        jdbc.sql("""
                        update xapi_statement set status = 'PENDING', sent_at = null, failure = '401', attempts = 40,
                            created_at = ?, next_attempt_at = ? where id = ?""")
                .params(now.minusDays(15), now.minusDays(15), waitingLong).update();
        sender.tidyOnTimer();

        assertThat(jdbc.sql("select id from xapi_statement where id in (?, ?, ?, ?, ?)")
                .params(sentLongAgo, sentLately, refusedLately, refusedLongAgo, waitingLong).query(String.class)
                .list()).containsExactlyInAnyOrder(sentLately, refusedLately, waitingLong);
        assertThat(row(waitingLong)).extracting(Row::status, Row::failure).containsExactly("FAILED", "expired");
    }

    /** The store's key and secret, and what learners did, never cross a network in clear: https, or this machine. */
    @Test
    void aPlainHttpStoreIsRefusedAtStartUnlessItIsOnThisMachine() {
        for (String endpoint : List.of("http://lrs.example.org/xapi", "http://10.0.0.5/xapi",
                "http://localhost.example.org/xapi")) {
            assertThatThrownBy(() -> store(endpoint)).as(endpoint).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("imr.xapi.endpoint must use https");
        }
        for (String endpoint : List.of("https://lrs.example.org/xapi", "http://localhost:8081/xapi",
                "http://127.0.0.1:8081/xapi", "http://[::1]:8081/xapi")) {
            assertThat(store(endpoint).isConfigured()).as(endpoint).isTrue();
        }
    }

    private static LearningRecordStore store(String endpoint) {
        return new LearningRecordStore(endpoint, "key", "secret", Duration.ofSeconds(1), Duration.ofSeconds(1));
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
