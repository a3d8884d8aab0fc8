package org.imrplatform.account;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Finds the account behind a sign-in, with its roles and whether it must choose a new password first. */
@Service
class AccountDirectory implements UserDetailsService {

    private final AccountRepository accounts;

    AccountDirectory(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public SignedInAccount loadUserByUsername(String email) {
        Account account = accounts.findByEmail(email).orElseThrow(() -> new UsernameNotFoundException("unknown"));
        String hash = accounts.passwordHash(email).orElseThrow(() -> new UsernameNotFoundException("no password"));
        List<SimpleGrantedAuthority> authorities = account.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
        return new SignedInAccount(account.id(), account.fullName(), account.email(), hash, account.enabled(),
                accounts.passwordChangeRequired(account.id()), authorities);
    }
}
