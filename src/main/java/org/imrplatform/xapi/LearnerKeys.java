package org.imrplatform.xapi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The identifiers statements carry, made from the installation's secret (table xapi_secret, written once by the first
 * node that needs it): a learner's account name in the store, the registration of their course, and statement ids.
 * Each is stable, so a statement made again for the same action has the same id and a learner keeps one identity,
 * but none reveals the email or the account number to the store.
 */
@Component
class LearnerKeys {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private volatile Mac prototype;

    LearnerKeys(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // Asked for after a learner's commit, while that transaction's connection is still bound: never use it.
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The learner's name in the store's account: 128 bits of the HMAC of their account number. */
    String actorName(long accountId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest("actor", accountId), 16));
    }

    /** The same for every statement of one learner in one course, as the xAPI registration of that enrolment. */
    String registration(long accountId, String courseId) {
        return uuid(digest("registration", accountId, courseId));
    }

    /** The id of the statement about one action, named by its parts (kind, learner, what). */
    String statementId(Object... action) {
        return uuid(digest("statement", action));
    }

    private static String uuid(byte[] digest) {
        ByteBuffer bytes = ByteBuffer.wrap(digest, 0, 16);
        long high = bytes.getLong();
        long low = bytes.getLong();
        // Shaped as a version 8 (custom) UUID of the RFC 4122 variant, as an LRS expects a UUID to be.
        high = (high & ~0xF000L) | 0x8000L;
        low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private byte[] digest(String purpose, Object... parts) {
        StringBuilder text = new StringBuilder(purpose);
        for (Object part : parts) {
            text.append('\u001f').append(part);
        }
        try {
            Mac mac = (Mac) mac().clone();
            return mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private Mac mac() {
        Mac mac = prototype;
        if (mac == null) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(HexFormat.of().parseHex(secret()), "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            prototype = mac;
        }
        return mac;
    }

    /** The stored secret, made by whichever node asks first; a node that loses that race reads the winner's. */
    private String secret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                            insert into xapi_secret (id, secret)
                            select 1, ? where not exists (select 1 from xapi_secret where id = 1)""")
                    .param(HexFormat.of().formatHex(secret)).update());
        } catch (DuplicateKeyException raced) {
            // another node wrote it at the same moment: theirs is read below
        }
        return ownTransaction.execute(status -> jdbc.sql("select secret from xapi_secret where id = 1")
                .query(String.class).single());
    }
}
