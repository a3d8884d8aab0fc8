package org.imrplatform.fidelity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every view and change of a fidelity review: who, when, what, which review. Entries hold ids only, so the log can
 * be read by administrators without exposing ratings, notes or participants.
 */
@Component
class AuditLog {

    enum Action { CREATED, VIEWED, SAVED, SUBMITTED, REFUSED, REVISED, DOWNLOADED, VIEWED_IN_HISTORY }

    record Entry(OffsetDateTime at, long accountId, String accountName, Action action, long reviewId) {
    }

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long accountId, Action action, long reviewId) {
        jdbc.sql("insert into review_audit (at, account_id, action, review_id) values (?, ?, ?, ?)")
                .params(OffsetDateTime.now(ZoneOffset.UTC), accountId, action.name(), reviewId).update();
    }

    /** The latest entries, newest first; optionally of one review. */
    List<Entry> recent(Long reviewId, int limit) {
        List<Object> params = reviewId == null ? List.of(limit) : List.of(reviewId, limit);
        return jdbc.sql("select l.at, l.account_id, a.full_name, l.action, l.review_id from review_audit l"
                        + " join account a on a.id = l.account_id" + (reviewId == null ? "" : " where l.review_id = ?")
                        + " order by l.id desc limit ?")
                .params(params)
                .query((rs, row) -> new Entry(rs.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC), rs.getLong(2),
                        rs.getString(3), Action.valueOf(rs.getString(4)), rs.getLong(5)))
                .list();
    }
}
