package org.imrplatform.account;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Learner accounts of people who arrive from another system that vouches for them (an LMS launch): made without an
 * email address or a password of theirs, and signed in by the module that checked the launch. Such an account has
 * an address that receives nothing ({@value #DOMAIN}) and a password nobody knows, so it can be entered only the way
 * it was made.
 */
@Service
public class LinkedAccounts {

    static final String DOMAIN = "linked.invalid";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository accounts;
    private final SessionSignIn session;
    private final PasswordEncoder encoder;

    LinkedAccounts(AccountRepository accounts, SessionSignIn session, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.session = session;
        this.encoder = encoder;
    }

    static boolean isLinked(String email) {
        return email.endsWith("@" + DOMAIN);
    }

    /**
     * Whether a person may not give this address to a form (registration, invitation): one of the linked accounts'
     * domain, whatever its case or a subdomain, would be named like a linked learner (by full name) and pose as one.
     */
    static boolean reserved(String email) {
        String domain = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        domain = domain.substring(domain.lastIndexOf('@') + 1);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        return domain.equals(DOMAIN) || domain.endsWith("." + DOMAIN);
    }

    /** A new learner account with this name (trimmed to what an account holds); returns its id. */
    public long createLearner(String fullName) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String name = fullName == null || fullName.isBlank() ? "Learner"
                : fullName.replaceAll("\\p{Cntrl}", " ").strip();
        return accounts.create(new NewAccount("linked-" + UUID.randomUUID() + "@" + DOMAIN,
                        name.substring(0, Math.min(name.length(), 200)), Discipline.OTHER, "", Region.OTHER),
                encoder.encode(Base64.getEncoder().encodeToString(secret)), EnumSet.of(Role.LEARNER));
    }

    /**
     * Signs the account into this request's session as the sign-in form would (a new session id). Answers false, and
     * signs nobody in, when the account is gone or switched off.
     */
    public boolean signIn(long accountId, HttpServletRequest request, HttpServletResponse response) {
        Account account = accounts.findById(accountId).orElse(null);
        if (account == null || !account.enabled()) {
            return false;
        }
        session.signIn(account.email(), request, response);
        return true;
    }
}
