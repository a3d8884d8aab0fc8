package org.imrplatform.account;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends an account's sessions. Sessions live in the database, so ending them here ends them on every node at once:
 * after a password change or reset, a role change, or switching the account off.
 */
@Component
class AccountSessions {

    private final FindByIndexNameSessionRepository<?> sessions;

    AccountSessions(FindByIndexNameSessionRepository<?> sessions) {
        this.sessions = sessions;
    }

    void endAll(Account account) {
        endAllBut(account, null);
    }

    /** Every session of the account except the one the person is using now. */
    void endAllBut(Account account, String keptSessionId) {
        sessions.findByPrincipalName(account.email()).keySet().stream()
                .filter(id -> !id.equals(keptSessionId))
                .forEach(sessions::deleteById);
    }
}
