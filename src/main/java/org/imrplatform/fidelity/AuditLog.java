package org.imrplatform.fidelity;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every view and change of a fidelity review: who, when, what, which review. Entries hold ids only, so the log can
 * be read by administrators without exposing ratings, notes or participants. The table is append-only (V26: the
 * database refuses updates and deletes) and its entries are chained ({@link AuditChain}), so an entry altered
 * behind the application's back shows on the check.
 */
@Component
class AuditLog {

    static final int PAGE_SIZE = 50;

    enum Action { CREATED, VIEWED, SAVED, SUBMITTED, REFUSED, REFUSED_OWN_WORK, REVISED, DOWNLOADED, VIEWED_IN_HISTORY }

    record Entry(OffsetDateTime at, long accountId, String accountName, Action action, long reviewId) {
    }

    /** One page of the log, newest first; {@code number} counts from 1. */
    record Page(int number, List<Entry> entries, boolean hasOlder) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Writes an entry, in the transaction of the change it records when there is one, so a change is never kept
     * without its entry nor an entry without its change. Locking the log's head row first makes writers, on every
     * node, append one at a time, each after the entry it chains to.
     */
    @Transactional
    void record(long accountId, Action action, long reviewId) {
        jdbc.sql("update review_audit_head set last_hash = last_hash where id = 1").update();
        String previous = jdbc.sql("select last_hash from review_audit_head where id = 1").query(String.class)
                .single();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = AuditChain.link(previous, at, accountId, action.name(), reviewId);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into review_audit (at, account_id, action, review_id, hash) values (?, ?, ?, ?, ?)")
                .params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), accountId, action.name(), reviewId, hash)
                .update(key, "id");
        jdbc.sql("update review_audit_head set last_id = ?, last_hash = ? where id = 1")
                .params(key.getKey().longValue(), hash).update();
    }

    /** A page of the log, newest first. */
    Page page(int number) {
        List<Entry> entries = jdbc.sql("select l.at, l.account_id, a.full_name, l.action, l.review_id"
                        + " from review_audit l join account_people a on a.id = l.account_id order by l.id desc"
                        + " limit ? offset ?")
                .params(PAGE_SIZE + 1, (long) (number - 1) * PAGE_SIZE)
                .query((rs, row) -> new Entry(rs.getObject(1, OffsetDateTime.class)
                        .withOffsetSameInstant(ZoneOffset.UTC), rs.getLong(2), rs.getString(3),
                        Action.valueOf(rs.getString(4)), rs.getLong(5)))
                .list();
        return new Page(number, entries.subList(0, Math.min(PAGE_SIZE, entries.size())),
                entries.size() > PAGE_SIZE);
    }

    /**
     * Walks the whole chain up to the latest entry the head records; entries appended meanwhile are left for the
     * next check, since every one before the head's is committed.
     */
    @Transactional(readOnly = true)
    AuditChain.Check check() {
        record Head(Long lastId, String lastHash) {
        }
        Head head = jdbc.sql("select last_id, last_hash from review_audit_head where id = 1")
                .query((rs, row) -> new Head(rs.getObject(1, Long.class), rs.getString(2))).single();
        try (Stream<AuditChain.Entry> entries = jdbc.sql("select id, at, account_id, action, review_id, hash"
                        + " from review_audit where id <= ? order by id")
                .param(head.lastId() == null ? 0L : head.lastId())
                .query((rs, row) -> new AuditChain.Entry(rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getLong(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6)))
                .stream()) {
            return AuditChain.check(entries.iterator(), head.lastHash());
        }
    }
}
