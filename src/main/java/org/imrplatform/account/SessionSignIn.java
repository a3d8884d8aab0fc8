package org.imrplatform.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs an account into the current session as the sign-in form would: the account read afresh, a new session id
 * (so an id known before cannot be ridden), the context saved in the session.
 */
@Component
class SessionSignIn {

    private final AccountDirectory directory;
    private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

    SessionSignIn(AccountDirectory directory) {
        this.directory = directory;
    }

    void signIn(String email, HttpServletRequest request, HttpServletResponse response) {
        SignedInAccount user = directory.loadUserByUsername(email);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        contextRepository.saveContext(context, request, response);
    }
}
