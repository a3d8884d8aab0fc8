package org.imrplatform.account;

import java.io.Serial;
import java.util.Collection;

import org.imrplatform.shared.ShownName;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in person as Spring Security keeps them (in the database-stored session, hence serializable). Roles
 * are read at sign-in; changing them ends the account's sessions, so a session never holds stale roles.
 */
public class SignedInAccount extends User implements ShownName.Named {

    @Serial
    private static final long serialVersionUID = 2L;

    private final long accountId;
    private final String fullName;
    private final boolean mustChangePassword;

    SignedInAccount(long accountId, String fullName, String email, String passwordHash, boolean enabled,
            boolean mustChangePassword, Collection<? extends GrantedAuthority> authorities) {
        super(email, passwordHash, enabled, true, true, true, authorities);
        this.accountId = accountId;
        this.fullName = fullName;
        this.mustChangePassword = mustChangePassword;
    }

    public long accountId() {
        return accountId;
    }

    public String fullName() {
        return fullName;
    }

    /** The sign-in address, or the name of an account a learning system made (its address is nobody's). */
    @Override
    public String shownName() {
        return LinkedAccounts.isLinked(getUsername()) ? fullName : getUsername();
    }

    /** A generated first password: nothing else opens until the person has chosen their own. */
    boolean mustChangePassword() {
        return mustChangePassword;
    }
}
