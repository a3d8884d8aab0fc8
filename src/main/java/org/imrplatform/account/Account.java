package org.imrplatform.account;

import java.time.Instant;
import java.util.Set;

/** A person who can sign in. The password hash never leaves {@link AccountRepository}. */
public record Account(long id, String email, String fullName, Discipline discipline, String organization,
        Region region, boolean enabled, Set<Role> roles, Instant createdAt) {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
