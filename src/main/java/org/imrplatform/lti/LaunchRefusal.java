package org.imrplatform.lti;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * A refused launch is shown the refusal page (what went wrong, what to ask the LMS administrator) in the same
 * response, with a 4xx status; the log says why, without the token.
 */
class LaunchRefusal implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(LaunchRefusal.class);
    static final String REFUSAL = LaunchRefusal.class.getName() + ".refusal";
    /** Where the launch filter keeps the checked launch's authentication for the rest of the request. */
    private static final SecurityContextRepository SIGNED_IN = new RequestAttributeSecurityContextRepository();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        Refusal refusal = exception instanceof OAuth2AuthenticationException oauth
                ? Refusal.of(oauth) : Refusal.MESSAGE;
        log.info("LTI launch refused ({}): {}", refusal, exception.getMessage());
        show(refusal, request, response);
    }

    static void show(Refusal refusal, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        // A launch refused after its id token was checked (a target that is no course, an account switched off) has
        // the platform's user in the security context, which the forward would load again: nobody is signed in.
        SecurityContextHolder.clearContext();
        SIGNED_IN.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
        request.setAttribute(REFUSAL, refusal);
        request.getRequestDispatcher(ToolAddresses.REFUSED).forward(request, response);
    }
}
