package org.imrplatform.xapi;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the due statements of the outbox to the store, on a timer, on every node (claims keep two nodes off the same
 * statement). Each goes with {@code PUT .../statements?statementId=<id>}: a store that already has it answers 409,
 * so a statement sent twice (a node died before noting the answer) is stored once. A store that is down, slow or
 * failing (5xx, a timeout, no connection, credentials refused) is left alone for a while ({@link StoreBackoff}) and
 * then asked with one statement, the oldest; a statement is refused for good only when the store rejects the
 * statement itself (another 4xx). Nothing about a learner is logged: only statement ids and status codes.
 */
@Component
class StatementSender {

    private static final Logger log = LoggerFactory.getLogger(StatementSender.class);
    /** Statements sent in one round at most, so a large backlog does not hold one node's timer thread for long. */
    private static final int MOST_PER_ROUND = 500;

    private final LearningRecordStore store;
    private final StatementOutbox outbox;
    private final StoreBackoff backoff;
    private final HttpClient http;

    StatementSender(LearningRecordStore store, StatementOutbox outbox, StoreBackoff backoff) {
        this.store = store;
        this.outbox = outbox;
        this.backoff = backoff;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(store.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Why a statement was not stored: {@code again} when trying later may succeed. */
    private record Outcome(boolean stored, boolean again, String reason) {

        static final Outcome STORED = new Outcome(true, false, null);
    }

    @Scheduled(fixedDelayString = "${imr.xapi.send-every:10s}", initialDelayString = "${imr.xapi.send-every:10s}")
    void sendDueOnTimer() {
        sendDue();
    }

    /** The outbox's upkeep ({@link StatementOutbox#tidy()}): hourly is enough for rows counted in days. */
    @Scheduled(fixedDelayString = "${imr.xapi.tidy-every:1h}", initialDelayString = "${imr.xapi.tidy-every:1h}")
    void tidyOnTimer() {
        outbox.tidy();
    }

    /**
     * Sends what is due, oldest first, until nothing is left or the store fails: the rest waits for the store's
     * back-off rather than meeting a store that is down one statement after another. While the store is backed
     * off, nothing is sent; when its wait is over, one node asks it with one statement and goes on only if that one
     * is stored. Returns how many were stored.
     */
    int sendDue() {
        if (!store.isConfigured()) {
            return 0;
        }
        Duration lease = store.connectTimeout().plus(store.readTimeout()).plusSeconds(30);
        StoreBackoff.Turn turn = backoff.turn(lease);
        if (turn == StoreBackoff.Turn.WAIT) {
            return 0;
        }
        int stored = 0;
        int tried = 0;
        while (tried < MOST_PER_ROUND) {
            var due = outbox.due(turn == StoreBackoff.Turn.PROBE ? 1 : 50);
            if (due.isEmpty()) {
                return stored;
            }
            for (String id : due) {
                Optional<StatementOutbox.Claimed> claimed = outbox.claim(id, lease);
                if (claimed.isEmpty()) {
                    continue;   // another sender has it, or it was sent meanwhile
                }
                tried++;
                Outcome outcome = send(claimed.get());
                if (outcome.stored()) {
                    outbox.delivered(claimed.get());
                    stored++;
                } else if (outcome.again()) {
                    outbox.later(claimed.get(), outcome.reason());
                    backoff.failed();
                    log.info("The learning record store did not take statement {} ({}); it is asked again later",
                            id, outcome.reason());
                    return stored;
                } else {
                    outbox.failed(claimed.get(), outcome.reason());
                    log.warn("The learning record store refused statement {} ({})", id, outcome.reason());
                }
                if (turn == StoreBackoff.Turn.PROBE) {
                    backoff.recovered();    // it answered: the store is back, the rest go as usual
                    turn = StoreBackoff.Turn.SEND;
                }
            }
        }
        return stored;
    }

    private Outcome send(StatementOutbox.Claimed statement) {
        HttpRequest request = HttpRequest.newBuilder(store.statement(statement.id())).timeout(store.readTimeout())
                .header("X-Experience-API-Version", "1.0.3").header("Authorization", store.authorization())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(statement.body())).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200 || status == 204 || status == 409) {
                return Outcome.STORED;
            }
            // Wrong credentials or a store overloaded or unwell are the store's state, not the statement's: wait.
            boolean again = status >= 500 || status == 401 || status == 403 || status == 408 || status == 429;
            return new Outcome(false, again, String.valueOf(status));
        } catch (HttpTimeoutException e) {
            return new Outcome(false, true, "timeout");
        } catch (IOException e) {
            return new Outcome(false, true, "unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, true, "interrupted");
        }
    }
}
