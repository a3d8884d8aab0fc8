package org.imrplatform.account;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.imrplatform.shared.TextInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The sign-in form's check: the throttle first (the attempt is counted before the password is looked at, for the
 * browser alone when it is one the account has signed in with), then the password, and only after a right password whether the account is switched off, so that a stranger learns nothing
 * about an account from its status. Failures and throttling are logged by account id, never by address.
 */
@Component
class ThrottledSignIn implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledSignIn.class);
    /** Longer than any address an account can have: refused without a database look-up. */
    private static final int MAX_USERNAME = 254;

    private final SignInThrottle throttle;
    private final KnownDevices devices;
    private final AccountRepository accounts;
    private final DaoAuthenticationProvider passwords;

    ThrottledSignIn(SignInThrottle throttle, KnownDevices devices, AccountRepository accounts,
            AccountDirectory directory, PasswordEncoder encoder) {
        this.throttle = throttle;
        this.devices = devices;
        this.accounts = accounts;
        this.passwords = new DaoAuthenticationProvider(encoder);
        passwords.setUserDetailsService(directory);
        passwords.setPreAuthenticationChecks(user -> { });
        passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        String client = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        Optional<String> device = devices.presented();
        Optional<OffsetDateTime> wait = throttle.admit(username, client, device.orElse(null));
        if (wait.isPresent()) {
            log.warn("Sign-in throttled for {} until {}", who(username), wait.get());
            // A plain LockedException: the sign-in page maps that exact class to its "wait" message.
            throw new LockedException("sign-in attempts wait until " + wait.get());
        }
        if (!possibleAddress(username)) {
            throw new BadCredentialsException("no such account");
        }
        try {
            Authentication done = passwords.authenticate(attempt);
            throttle.succeeded(username, client, device.orElse(null));
            devices.remember(username, device);
            return done;
        } catch (AuthenticationException e) {
            log.info("Sign-in failed for {} ({})", who(username), e.getClass().getSimpleName());
            throw e;
        }
    }

    /** Sign-in reads the form itself, outside the forms' binding: text no account can have is refused here. */
    private static boolean possibleAddress(String username) {
        return username.length() <= MAX_USERNAME && !TextInput.hasControlCharacter(username);
    }

    private String who(String username) {
        return possibleAddress(username)
                ? accounts.findByEmail(username).map(account -> "account " + account.id()).orElse("an unknown address")
                : "an unknown address";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
