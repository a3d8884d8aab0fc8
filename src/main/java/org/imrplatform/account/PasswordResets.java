package org.imrplatform.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Single-use, expiring links to choose a new password. */
@Service
class PasswordResets {

    static final Duration VALID_FOR = Duration.ofMinutes(30);
    /** An invitation is read later than a reset the person asked for themselves. */
    static final Duration INVITATION_VALID_FOR = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final PasswordEncoder encoder;

    PasswordResets(JdbcClient jdbc, AccountRepository accounts, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.encoder = encoder;
    }

    /** A new secret for the account behind the address, if it is an enabled account; the secret goes in the link. */
    Optional<String> start(String email) {
        return start(email, VALID_FOR);
    }

    Optional<String> start(String email, Duration validFor) {
        return accounts.findByEmail(email).filter(Account::enabled).map(account -> {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            jdbc.sql("insert into password_reset (token_hash, account_id, expires_at) values (?, ?, ?)")
                    .params(hash(token), account.id(), now().plus(validFor)).update();
            return token;
        });
    }

    boolean isUsable(String token) {
        return token != null && jdbc.sql("select count(*) from password_reset where token_hash = ?"
                        + " and used_at is null and expires_at > ?")
                .params(hash(token), now()).query(Integer.class).single() > 0;
    }

    /** Uses the link up and sets the password; false, changing nothing, when the link is used up or expired. */
    @Transactional
    boolean finish(String token, String newPassword) {
        if (token == null) {
            return false;
        }
        Optional<Long> accountId = jdbc.sql("select account_id from password_reset where token_hash = ?"
                        + " and used_at is null and expires_at > ?")
                .params(hash(token), now()).query(Long.class).optional();
        if (accountId.isEmpty() || jdbc.sql("update password_reset set used_at = ? where token_hash = ? and used_at is null")
                .params(now(), hash(token)).update() != 1) {
            return false;
        }
        jdbc.sql("update account set password_hash = ? where id = ?")
                .params(encoder.encode(newPassword), accountId.get()).update();
        accounts.findById(accountId.get()).ifPresent(account -> jdbc.sql(
                "delete from sign_in_failure where email_key = ?").param(AccountRepository.key(account.email()))
                .update());
        return true;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
