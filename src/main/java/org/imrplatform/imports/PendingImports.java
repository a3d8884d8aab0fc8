package org.imrplatform.imports;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Previewed import files waiting for their confirmation (table pending_import). The preview page carries only a
 * random id, so what is confirmed is exactly what was previewed, by the person who previewed it, for the same
 * kind and subject, within {@link #LIFETIME}. The subject is what the file was previewed for, as its kind tells
 * it: an event's id, or a needs assessment's date and title, typed beside the file.
 */
@Repository
public class PendingImports {

    static final Duration LIFETIME = Duration.ofHours(1);
    /** Enough for a few previews open side by side; older ones give way, so nobody fills the disk with them. */
    static final int MAX_PER_ACCOUNT = 10;

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 32 random bytes, base64url without padding. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** The previewed file and what it was previewed for, or why there is none to import. */
    public record Claim(String subject, byte[] content, MessageSourceResolvable refusal) {

        static Claim refused(MessageSourceResolvable why) {
            return new Claim(null, null, why);
        }

        static Claim refused(String code) {
            return refused(UploadedTable.problem(code));
        }
    }

    private record Pending(long accountId, String subject, String kind, OffsetDateTime expiresAt, byte[] content) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PendingImports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps a previewed file and returns the id its confirmation must give; expired files go at the same time. */
    @Transactional
    public String keep(long accountId, String kind, String subject, byte[] content) {
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
                        insert into pending_import (id, account_id, subject, kind, content, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(id, accountId, subject, kind, content, now, now.plus(LIFETIME)).update();
        return id;
    }

    /**
     * Takes the file previewed for this kind and subject out for importing, in the caller's transaction: the
     * conditional delete lets exactly one of several simultaneous confirmations have it, and a failed import puts it
     * back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Claim claim(String id, long accountId, String kind, String subject) {
        return claim(id, accountId, kind, subject::equals);
    }

    /**
     * Takes the file previewed for this kind out, whatever its subject: for imports whose confirmation names nothing
     * but the preview, the claim tells what was typed beside the file.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Claim claim(String id, long accountId, String kind) {
        return claim(id, accountId, kind, subject -> true);
    }

    private Claim claim(String id, long accountId, String kind, Predicate<String> forSubject) {
        if (id == null || !ID.matcher(id).matches()) {
            return Claim.refused("import.pending.unknown");
        }
        Pending pending = jdbc.sql("select account_id, subject, kind, expires_at, content from pending_import"
                        + " where id = ?").param(id)
                .query((rs, row) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getBytes(5)))
                .optional().orElse(null);
        OffsetDateTime now = now();
        if (pending == null) {
            return Claim.refused("import.pending.unknown");
        }
        if (pending.accountId() != accountId) {
            return Claim.refused("import.pending.notYours");
        }
        if (!pending.kind().equals(kind) || !forSubject.test(pending.subject())) {
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
            return Claim.refused(UploadedTable.tooLarge());
        }
        return new Claim(pending.subject(), pending.content(), null);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
