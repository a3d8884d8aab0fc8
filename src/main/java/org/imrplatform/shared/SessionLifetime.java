package org.imrplatform.shared;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions have an absolute lifetime besides the idle timeout, which activity keeps sliding: a session older than
 * {@code imr.session.absolute-lifetime} is ended before the request is looked at, so a stolen session cookie stops
 * working within that time however busy it is kept. Runs just after Spring Session has found the session.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 1)
class SessionLifetime extends OncePerRequestFilter {

    private final Duration lifetime;
    private final Clock clock;

    SessionLifetime(@Value("${imr.session.absolute-lifetime}") Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && clock.millis() - session.getCreationTime() > lifetime.toMillis()) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
