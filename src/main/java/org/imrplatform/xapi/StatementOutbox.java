package org.imrplatform.xapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statements on their way to the store (table xapi_statement). Queuing is idempotent (a statement's id is made
 * from the action, so a second delivery of an event adds nothing); a row is claimed by one sender at a time with a
 * conditional update and a lease, which H2 and PostgreSQL both honour across nodes.
 */
@Component
class StatementOutbox {

    enum Status { PENDING, SENT, FAILED }

    /** A claimed statement: its body and how many times it was tried before. */
    record Claimed(String id, String body, int attempts, String claim) {
    }

    /** What the administrator's page shows. {@code lastProblem} is that of the oldest pending statement. */
    record Summary(Map<Status, Long> counts, Instant oldestPending, String lastProblem) {

        public long count(String status) {
            return counts.get(Status.valueOf(status));
        }
    }

    record Failed(String id, String verb, Instant createdAt, int attempts, String reason) {

        public LocalDateTime createdAtUtc() {
            return LocalDateTime.ofInstant(createdAt, ZoneOffset.UTC);
        }
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final Duration keepSent;
    private final Duration giveUpAfter;
    private final Duration keepFailed;

    StatementOutbox(JdbcClient jdbc, ObjectMapper json, Clock clock, PlatformTransactionManager transactions,
            @Value("${imr.xapi.keep-sent:30d}") Duration keepSent,
            @Value("${imr.xapi.give-up-after:14d}") Duration giveUpAfter,
            @Value("${imr.xapi.keep-failed:90d}") Duration keepFailed) {
        this.jdbc = jdbc;
        this.keepSent = keepSent;
        this.giveUpAfter = giveUpAfter;
        this.keepFailed = keepFailed;
        this.json = json;
        this.clock = clock;
        // Queued right after the learner's commit, while that transaction's connection is still bound: a new one.
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Adds the statements that are not queued yet, all together. */
    void queue(List<Statements.Queued> statements) {
        if (statements.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        ownTransaction.executeWithoutResult(status -> statements.forEach(queued -> jdbc.sql("""
                        insert into xapi_statement (id, verb, body, created_at, status, attempts, next_attempt_at)
                        select ?, ?, ?, ?, 'PENDING', 0, ?
                        where not exists (select 1 from xapi_statement where id = ?)""")
                .params(queued.statement().id(), queued.kind().word(), body(queued.statement()), now, now,
                        queued.statement().id())
                .update()));
    }

    private String body(Statement statement) {
        try {
            return json.writeValueAsString(statement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A statement could not be written as JSON", e);
        }
    }

    /**
     * The ids of statements due to be sent now, oldest first. A statement the store did not take keeps its place
     * (the store's back-off, {@link StoreBackoff}, decides when the store is asked again), so after a recovery the
     * oldest go first.
     */
    List<String> due(int most) {
        OffsetDateTime now = now();
        return jdbc.sql("""
                        select id from xapi_statement
                        where status = 'PENDING' and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)
                        order by next_attempt_at, created_at fetch first %d rows only""".formatted(most))
                .params(now, now).query(String.class).list();
    }

    /**
     * Claims the statement for {@code lease}, unless another sender (on any node) has it or it is no longer due.
     * The condition is checked again by the database on the row it updates, so only one claim succeeds.
     */
    Optional<Claimed> claim(String id, Duration lease) {
        OffsetDateTime now = now();
        String claim = UUID.randomUUID().toString();
        int claimed = jdbc.sql("""
                        update xapi_statement set claimed_by = ?, claimed_until = ?
                        where id = ? and status = 'PENDING' and next_attempt_at <= ?
                          and (claimed_until is null or claimed_until < ?)""")
                .params(claim, now.plus(lease), id, now, now).update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("select body, attempts from xapi_statement where id = ? and claimed_by = ?")
                .params(id, claim).query((rs, row) -> new Claimed(id, rs.getString(1), rs.getInt(2), claim))
                .optional();
    }

    void delivered(Claimed statement) {
        jdbc.sql("""
                        update xapi_statement set status = 'SENT', attempts = attempts + 1, sent_at = ?, failure = null,
                            claimed_by = null, claimed_until = null
                        where id = ? and claimed_by = ?""")
                .params(now(), statement.id(), statement.claim()).update();
    }

    /** Tried and not stored, for a reason that may pass: it stays due, in its place, for when the store is back. */
    void later(Claimed statement, String reason) {
        jdbc.sql("""
                        update xapi_statement set attempts = attempts + 1, failure = ?, claimed_by = null,
                            claimed_until = null
                        where id = ? and claimed_by = ?""")
                .params(reason, statement.id(), statement.claim()).update();
    }

    /** Refused by the store for good: kept for the administrator to see, and to send again once fixed. */
    void failed(Claimed statement, String reason) {
        jdbc.sql("""
                        update xapi_statement set status = 'FAILED', attempts = attempts + 1, failure = ?,
                            failed_at = ?, claimed_by = null, claimed_until = null
                        where id = ? and claimed_by = ?""")
                .params(reason, now(), statement.id(), statement.claim()).update();
    }

    /**
     * Queues a failed statement again, due at once with its attempts counted afresh. False when it is not (or no
     * longer) failed: a second post of the same form finds it pending and changes nothing.
     */
    boolean sendAgain(String id) {
        return jdbc.sql("""
                        update xapi_statement set status = 'PENDING', attempts = 0, next_attempt_at = ?, failure = null,
                            failed_at = null
                        where id = ? and status = 'FAILED'""")
                .params(now(), id).update() == 1;
    }

    /**
     * The outbox's upkeep, run hourly: statements waiting longer than {@code imr.xapi.give-up-after} (since queued
     * or sent again) are failed with the reason {@code expired} (a store refusing the credentials would otherwise
     * keep them waiting for ever); the statements the store has had for longer than {@code imr.xapi.keep-sent} are
     * forgotten (the store keeps them); failed ones older than {@code imr.xapi.keep-failed} are deleted. Each
     * statement uses an index on its status and time. Returns how many rows changed.
     */
    int tidy() {
        OffsetDateTime now = now();
        int expired = jdbc.sql("""
                        update xapi_statement set status = 'FAILED', failure = 'expired', failed_at = ?,
                            claimed_by = null, claimed_until = null
                        where status = 'PENDING' and next_attempt_at < ? and (claimed_until is null or claimed_until < ?)""")
                .params(now, now.minus(giveUpAfter), now).update();
        int sent = jdbc.sql("delete from xapi_statement where status = 'SENT' and sent_at < ?")
                .param(now.minus(keepSent)).update();
        int failed = jdbc.sql("delete from xapi_statement where status = 'FAILED' and failed_at < ?")
                .param(now.minus(keepFailed)).update();
        return expired + sent + failed;
    }

    /** How many days a sent statement stays counted here. */
    long keptDays() {
        return keepSent.toDays();
    }

    /** How many days a statement waits for the store before it is failed. */
    long giveUpDays() {
        return giveUpAfter.toDays();
    }

    /** How many days a failed statement is kept for the administrator. */
    long keptFailedDays() {
        return keepFailed.toDays();
    }

    Summary summary() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) from xapi_statement group by status")
                .query((rs, row) -> counts.put(Status.valueOf(rs.getString(1)), rs.getLong(2))).list();
        Optional<Object[]> oldest = jdbc.sql("""
                        select created_at, failure from xapi_statement where status = 'PENDING'
                        order by created_at fetch first 1 rows only""")
                .query((rs, row) -> new Object[] {rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2)})
                .optional();
        return new Summary(counts, oldest.map(row -> (Instant) row[0]).orElse(null),
                oldest.map(row -> (String) row[1]).orElse(null));
    }

    /** The failed statements, most recent first (the first {@code most}). */
    List<Failed> failed(int most) {
        return jdbc.sql("""
                        select id, verb, created_at, attempts, failure from xapi_statement where status = 'FAILED'
                        order by created_at desc, id fetch first %d rows only""".formatted(most))
                .query((rs, row) -> new Failed(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getInt(4), rs.getString(5)))
                .list();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
