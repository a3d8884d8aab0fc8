package org.imrplatform.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use, expiring links to choose a new password. Only a hash of a link's secret is stored. Choosing a
 * password through a link ends every session of the account and clears its sign-in throttling.
 */
@Service
class PasswordResets {

    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

    static final Duration VALID_FOR = Duration.ofMinutes(30);
    /** An invitation is read later than a reset the person asked for themselves. */
    static final Duration INVITATION_VALID_FOR = Duration.ofDays(7);
    /** Links issued to one account per hour: enough for a lost email or two, too few to flood a mailbox. */
    static final int LINKS_PER_HOUR = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A link's secret, for the account it opens and the address stored on it. */
    record Issued(long accountId, String email, String token) {
    }

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final AccountSessions sessions;
    private final SignInThrottle throttle;
    private final PasswordEncoder encoder;
    private final Clock clock;

    PasswordResets(JdbcClient jdbc, AccountRepository accounts, AccountSessions sessions, SignInThrottle throttle,
            PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.encoder = encoder;
        this.clock = clock;
    }

    /**
     * A new secret for the account behind the address, if it is an enabled account that has not had
     * {@value #LINKS_PER_HOUR} links in the last hour; the secret goes in the link.
     */
    @Transactional
    Optional<Issued> start(String email, Duration validFor) {
        return accounts.findByEmail(email).filter(Account::enabled).filter(this::mayHaveAnotherLink).map(account -> {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            jdbc.sql("insert into password_reset (token_hash, account_id, issued_at, expires_at) values (?, ?, ?, ?)")
                    .params(Fingerprint.of(token), account.id(), now(), now().plus(validFor)).update();
            log.info("Password link issued for account {}", account.id());
            return new Issued(account.id(), account.email(), token);
        });
    }

    private boolean mayHaveAnotherLink(Account account) {
        // The account's row is locked first, so requests sent at the same moment are counted one after another.
        jdbc.sql("select id from account where id = ? for update").param(account.id()).query(Long.class).single();
        int recent = jdbc.sql("select count(*) from password_reset where account_id = ? and issued_at > ?")
                .params(account.id(), now().minusHours(1)).query(Integer.class).single();
        if (recent >= LINKS_PER_HOUR) {
            log.warn("Password link not issued for account {}: {} already issued within the hour", account.id(), recent);
            return false;
        }
        return true;
    }

    boolean isUsable(String token) {
        return token != null && jdbc.sql("select count(*) from password_reset where token_hash = ?"
                        + " and used_at is null and expires_at > ?")
                .params(Fingerprint.of(token), now()).query(Integer.class).single() > 0;
    }

    /** The account a usable link opens. */
    Optional<Account> holder(String token) {
        if (token == null) {
            return Optional.empty();
        }
        return jdbc.sql("select account_id from password_reset where token_hash = ? and used_at is null"
                        + " and expires_at > ?")
                .params(Fingerprint.of(token), now()).query(Long.class).optional().flatMap(accounts::findById);
    }

    /** Uses the link up and sets the password; false, changing nothing, when the link is used up or expired. */
    @Transactional
    boolean finish(String token, String newPassword) {
        Optional<Account> account = holder(token);
        if (account.isEmpty() || jdbc.sql("update password_reset set used_at = ? where token_hash = ? and used_at is null")
                .params(now(), Fingerprint.of(token)).update() != 1) {
            return false;
        }
        accounts.setPassword(account.get().id(), encoder.encode(newPassword), false);
        throttle.forgive(account.get().email());
        sessions.endAll(account.get());
        log.info("Password reset through a link for account {}", account.get().id());
        return true;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
