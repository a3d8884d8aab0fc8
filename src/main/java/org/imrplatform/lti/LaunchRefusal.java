package org.imrplatform.lti;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A refused launch is shown the refusal page (what went wrong, what to ask the LMS administrator) in the same
 * response, with a 4xx status; the log says why, without the token.
 */
class LaunchRefusal implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(LaunchRefusal.class);
    static final String REFUSAL = LaunchRefusal.class.getName() + ".refusal";

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
        request.setAttribute(REFUSAL, refusal);
        request.getRequestDispatcher(ToolAddresses.REFUSED).forward(request, response);
    }
}
