package org.imrplatform.account;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** Accounts as other modules may see them: found by id, or listed by role (e.g. the facilitators). */
@Service
public class Accounts {

    private final AccountRepository accounts;

    Accounts(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public Optional<Account> find(long id) {
        return accounts.findById(id);
    }

    /** Enabled accounts holding the role, by name. */
    public List<Account> withRole(Role role) {
        return accounts.withRole(role);
    }
}
