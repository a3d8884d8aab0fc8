package org.imrplatform.xapi;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the due statements of the outbox to the store, on a timer, on every node (claims keep two nodes off the same
 * statement). Each goes with {@code PUT .../statements?statementId=<id>}: a store that already has it answers 409,
 * so a statement sent twice (a node died before noting the answer) is stored once. A store that is down, slow or
 * failing (5xx, a timeout, no connection, credentials refused) gets the statement again later, each wait twice the
 * last up to a cap; it is refused for good only when the store rejects the statement itself (another 4xx). Nothing
 * about a learner is logged: only statement ids and status codes.
 */
@Component
class StatementSender {

    private static final Logger log = LoggerFactory.getLogger(StatementSender.class);
    /** Statements sent in one round at most, so a large backlog does not hold one node's timer thread for long. */
    private static final int MOST_PER_ROUND = 500;

    private final LearningRecordStore store;
    private final StatementOutbox outbox;
    private final Clock clock;
    private final Duration firstWait;
    private final Duration longestWait;
    private final HttpClient http;

    StatementSender(LearningRecordStore store, StatementOutbox outbox, Clock clock,
            @Value("${imr.xapi.retry.first-wait:30s}") Duration firstWait,
            @Value("${imr.xapi.retry.longest-wait:1h}") Duration longestWait) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.firstWait = firstWait;
        this.longestWait = longestWait;
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
        outbox.forgetOldSent();
    }

    /**
     * Sends what is due, oldest first, until nothing is left or the store fails: the rest waits for the next round
     * rather than meeting a store that is down one statement after another. Returns how many were stored.
     */
    int sendDue() {
        if (!store.isConfigured()) {
            return 0;
        }
        int stored = 0;
        int tried = 0;
        Duration lease = store.connectTimeout().plus(store.readTimeout()).plusSeconds(30);
        while (tried < MOST_PER_ROUND) {
            var due = outbox.due(50);
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
                    outbox.later(claimed.get(), outcome.reason(), clock.instant().plus(wait(claimed.get().attempts())));
                    log.info("The learning record store did not take statement {} ({}); it is tried again later",
                            id, outcome.reason());
                    return stored;
                } else {
                    outbox.failed(claimed.get(), outcome.reason());
                    log.warn("The learning record store refused statement {} ({})", id, outcome.reason());
                }
            }
        }
        return stored;
    }

    /** The wait after a statement's {@code attempts + 1}-th failure: the first wait, doubled each time, capped. */
    private Duration wait(int attempts) {
        Duration wait = firstWait;
        for (int i = 0; i < attempts && wait.compareTo(longestWait) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
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
