package org.imrplatform.xapi;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The store's back-off, shared by every node (table xapi_store_backoff): a store that is down, slow or refusing the
 * credentials is the store's state, not a statement's, so it is the store that waits. After a failure it is left
 * alone for the first wait, doubled after each failure in a row up to the longest; then one node (the one whose
 * conditional update wins) asks it again with one statement. A success ends the back-off.
 */
@Component
class StoreBackoff {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration firstWait;
    private final Duration longestWait;

    StoreBackoff(JdbcClient jdbc, Clock clock,
            @Value("${imr.xapi.retry.first-wait:30s}") Duration firstWait,
            @Value("${imr.xapi.retry.longest-wait:1h}") Duration longestWait) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.firstWait = firstWait;
        this.longestWait = longestWait;
    }

    private record State(int failures, OffsetDateTime resumeAt) {
    }

    /** What this node may do now: send freely, ask the store with one statement, or leave it alone. */
    enum Turn { SEND, PROBE, WAIT }

    /**
     * Whether the store may be asked now. While it fails, the first node past the wait gets {@link Turn#PROBE}
     * and holds the turn for {@code lease} (others wait); without failures everyone sends.
     */
    Turn turn(Duration lease) {
        OffsetDateTime now = now();
        State state = jdbc.sql("select failures, resume_at from xapi_store_backoff where id = 1")
                .query((rs, row) -> new State(rs.getInt(1), rs.getObject(2, OffsetDateTime.class))).single();
        if (state.failures() == 0) {
            return Turn.SEND;
        }
        if (state.resumeAt().isAfter(now)) {
            return Turn.WAIT;
        }
        int won = jdbc.sql("update xapi_store_backoff set resume_at = ? where id = 1 and failures > 0 and resume_at <= ?")
                .params(now.plus(lease), now).update();
        return won == 1 ? Turn.PROBE : Turn.WAIT;
    }

    /** The store failed again: it is left alone for a wait twice the last one (the first wait the first time). */
    void failed() {
        int failures = jdbc.sql("select failures from xapi_store_backoff where id = 1").query(Integer.class).single();
        jdbc.sql("update xapi_store_backoff set failures = failures + 1, resume_at = ? where id = 1")
                .params(now().plus(wait(failures))).update();
    }

    /** The store took a statement: it is asked freely again. */
    void recovered() {
        jdbc.sql("update xapi_store_backoff set failures = 0, resume_at = ? where id = 1 and failures > 0")
                .params(now()).update();
    }

    /** The wait after the store's {@code failures + 1}-th failure in a row: the first wait, doubled each time, capped. */
    private Duration wait(int failures) {
        Duration wait = firstWait;
        for (int i = 0; i < failures && wait.compareTo(longestWait) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
