package org.imrplatform.account;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in person as Spring Security keeps them (in the database-stored session, hence serializable). */
public class SignedInAccount extends User {

    private final long accountId;
    private final String fullName;

    SignedInAccount(long accountId, String fullName, String email, String passwordHash, boolean enabled,
            boolean nonLocked, Collection<? extends GrantedAuthority> authorities) {
        super(email, passwordHash, enabled, true, true, nonLocked, authorities);
        this.accountId = accountId;
        this.fullName = fullName;
    }

    public long accountId() {
        return accountId;
    }

    public String fullName() {
        return fullName;
    }
}
