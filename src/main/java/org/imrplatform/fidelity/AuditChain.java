package org.imrplatform.fidelity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Iterator;

/**
 * The audit log's entries are chained: each stores the SHA-256 of its own content and the previous entry's hash, so
 * an entry changed, removed or moved after it was written no longer follows from the one before it. Public for the
 * migration that chained the entries written before the chain existed.
 */
public final class AuditChain {

    /** The "previous hash" of the first entry. */
    public static final String START = "0".repeat(64);

    /** One stored entry, in the order it was written. */
    public record Entry(long id, Instant at, long accountId, String action, long reviewId, String hash) {
    }

    /**
     * The result of walking the chain: how many entries were checked; the first entry that does not follow from
     * the one before (null when none); whether entries are missing at the end.
     */
    record Check(long checked, Long firstAltered, boolean endMissing) {

        public boolean intact() {
            return firstAltered == null && !endMissing;
        }
    }

    private AuditChain() {
    }

    /** The hash of an entry written after {@code previous}; times count to the microsecond, as databases keep them. */
    public static String link(String previous, Instant at, long accountId, String action, long reviewId) {
        String content = previous + "|" + ChronoUnit.MICROS.between(Instant.EPOCH, at) + "|" + accountId + "|"
                + action + "|" + reviewId;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Walks the entries in order; {@code lastHash} is the hash the log recorded for its latest entry. */
    static Check check(Iterator<Entry> entries, String lastHash) {
        String previous = START;
        long checked = 0;
        Long firstAltered = null;
        while (entries.hasNext()) {
            Entry entry = entries.next();
            checked++;
            if (firstAltered == null && !entry.hash().equals(link(previous, entry.at(), entry.accountId(),
                    entry.action(), entry.reviewId()))) {
                firstAltered = entry.id();
            }
            previous = entry.hash();
        }
        return new Check(checked, firstAltered, !previous.equals(lastHash));
    }
}
