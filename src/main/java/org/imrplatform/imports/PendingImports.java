package org.imrplatform.imports;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.regex.Pattern;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Previewed import files waiting for their confirmation (table pending_import). The preview page carries only a
 * random id, so what is confirmed is exactly what was previewed, by the person who previewed it, for the same
 * event and kind, within {@link #LIFETIME}.
 */
@Repository
public class PendingImports {

    static final Duration LIFETIME = Duration.ofHours(1);
    /** Enough for a few previews open side by side; older ones give way, so nobody fills the disk with them. */
    static final int MAX_PER_ACCOUNT = 10;

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 32 random bytes, base64url without padding. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** The previewed file, or why there is none to import. */
    public record Claim(byte[] content, MessageSourceResolvable refusal) {

        static Claim refused(String code) {
            return new Claim(null, UploadedTable.problem(code));
        }
    }

    private record Pending(long accountId, long eventId, String kind, OffsetDateTime expiresAt, byte[] content) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PendingImports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps a previewed file and returns the id its confirmation must give; expired files go at the same time. */
    @Transactional
    public String keep(long accountId, long eventId, String kind, byte[] content) {
        OffsetDateTime now = now();
        jdbc.sql("delete from pending_import where expires_at <= ?").param(now).update();
        jdbc.sql("""
                        delete from pending_import where account_id = ? and id not in (
                            select id from pending_import where account_id = ? order by created_at desc limit ?)
                        """)
                .params(accountId, accountId, MAX_PER_ACCOUNT - 1).update();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                        insert into pending_import (id, account_id, event_id, kind, content, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(id, accountId, eventId, kind, content, now, now.plus(LIFETIME)).update();
        return id;
    }

    /**
     * Takes the previewed file out for importing, in the caller's transaction: the conditional delete lets exactly
     * one of several simultaneous confirmations have it, and a failed import puts it back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Claim claim(String id, long accountId, long eventId, String kind) {
        if (id == null || !ID.matcher(id).matches()) {
            return Claim.refused("import.pending.unknown");
        }
        Pending pending = jdbc.sql("select account_id, event_id, kind, expires_at, content from pending_import"
                        + " where id = ?").param(id)
                .query((rs, row) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getBytes(5)))
                .optional().orElse(null);
        OffsetDateTime now = now();
        if (pending == null) {
            return Claim.refused("import.pending.unknown");
        }
        if (pending.accountId() != accountId) {
            return Claim.refused("import.pending.notYours");
        }
        if (pending.eventId() != eventId || !pending.kind().equals(kind)) {
            return Claim.refused("import.pending.otherImport");
        }
        if (!pending.expiresAt().isAfter(now)) {
            jdbc.sql("delete from pending_import where id = ?").param(id).update();
            return Claim.refused("import.pending.expired");
        }
        int claimed = jdbc.sql("delete from pending_import where id = ? and account_id = ? and expires_at > ?")
                .params(id, accountId, now).update();
        if (claimed != 1) {
            return Claim.refused("import.pending.unknown");
        }
        if (pending.content().length > UploadedTable.MAX_FILE_BYTES) {
            return new Claim(null, UploadedTable.tooLarge());
        }
        return new Claim(pending.content(), null);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
