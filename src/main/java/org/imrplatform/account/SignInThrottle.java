package org.imrplatform.account;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES} wrong passwords for one address, that address cannot
 * sign in for {@link #LOCK}. Counts live in the database so every node sees the same attempts.
 */
@Component
class SignInThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final JdbcClient jdbc;

    SignInThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean isLocked(String email) {
        return jdbc.sql("select count(*) from sign_in_failure where email_key = ? and locked_until > ?")
                .params(AccountRepository.key(email), now()).query(Integer.class).single() > 0;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String key = AccountRepository.key(event.getAuthentication().getName());
        int updated = jdbc.sql("update sign_in_failure set failures = failures + 1 where email_key = ?")
                .param(key).update();
        if (updated == 0) {
            jdbc.sql("insert into sign_in_failure (email_key, failures) values (?, 1)").param(key).update();
        }
        jdbc.sql("update sign_in_failure set failures = 0, locked_until = ? where email_key = ? and failures >= ?")
                .params(now().plus(LOCK), key, MAX_FAILURES).update();
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        jdbc.sql("delete from sign_in_failure where email_key = ?")
                .param(AccountRepository.key(event.getAuthentication().getName())).update();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
