package org.imrplatform.account;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Finds the account behind a sign-in attempt, marked locked while its address is throttled. */
@Service
class AccountDirectory implements UserDetailsService {

    private final AccountRepository accounts;
    private final SignInThrottle throttle;

    AccountDirectory(AccountRepository accounts, SignInThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        boolean locked = throttle.isLocked(email);
        if (locked && !accounts.exists(email)) {
            // Unknown addresses lock like real ones, so a lock reveals nothing; this stand-in never signs in.
            return new SignedInAccount(-1, "", email, "{noop}" + UUID.randomUUID(), true, false, List.of());
        }
        Account account = accounts.findByEmail(email).orElseThrow(() -> new UsernameNotFoundException("unknown"));
        String hash = accounts.passwordHash(email).orElseThrow(() -> new UsernameNotFoundException("no password"));
        List<SimpleGrantedAuthority> authorities = account.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
        // A locked account is refused before its password is checked (Spring Security's pre-authentication check).
        return new SignedInAccount(account.id(), account.fullName(), account.email(), hash, account.enabled(), !locked,
                authorities);
    }
}
