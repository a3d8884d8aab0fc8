package org.imrplatform.lti;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.stereotype.Component;

/**
 * Launches between their login initiation and their id token, in the database: the id token may reach any node, and
 * arrives in a cross-site POST that carries no session cookie. A state is taken by one delete, so it is used once
 * (a replayed id token finds nothing), is good for {@link #LIFETIME}, and is taken only by the browser that started
 * the launch ({@link LaunchCookie}).
 */
@Component
class LaunchStates implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final String NONCE = "nonce";

    private final JdbcClient jdbc;
    private final PlatformRegistrations registrations;
    private final Clock clock;

    LaunchStates(JdbcClient jdbc, PlatformRegistrations registrations, Clock clock) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.clock = clock;
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        throw new UnsupportedOperationException("a launch state is only ever taken, so it is used once");
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
            HttpServletResponse response) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // Launches never finished are forgotten as new ones come in.
        jdbc.sql("delete from lti_launch_state where created_at < ?").param(now.minus(LIFETIME)).update();
        jdbc.sql("insert into lti_launch_state (state, platform_id, nonce, browser, created_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(authorizationRequest.getState(),
                        Long.parseLong((String) authorizationRequest.getAdditionalParameters()
                                .get(OAuth2ParameterNames.REGISTRATION_ID)),
                        authorizationRequest.getAdditionalParameters().get(NONCE),
                        LaunchCookie.give(request, response), now)
                .update();
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
            HttpServletResponse response) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        String browser = LaunchCookie.hashOf(request);
        if (state == null || state.length() > 64 || browser == null) {
            return null;
        }
        record Stored(long platformId, String nonce, OffsetDateTime createdAt) {
        }
        // Another browser's state is not found: an id token and state posted from a browser that did not start the
        // launch are refused, and the launch stays for its own browser.
        Stored stored = jdbc.sql("select platform_id, nonce, created_at from lti_launch_state where state = ?"
                        + " and browser = ?")
                .params(state, browser).query((rs, row) -> new Stored(rs.getLong("platform_id"), rs.getString("nonce"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .optional().orElse(null);
        // Of two deliveries of one id token at the same moment, only the one that deletes the row goes on.
        if (stored == null || jdbc.sql("delete from lti_launch_state where state = ? and browser = ?")
                        .params(state, browser).update() == 0
                || stored.createdAt().isBefore(OffsetDateTime.now(clock).minus(LIFETIME))) {
            return null;
        }
        ClientRegistration registration = registrations.findByRegistrationId(Long.toString(stored.platformId()));
        if (registration == null) {
            return null;
        }
        return OAuth2AuthorizationRequest.authorizationCode()
                .clientId(registration.getClientId())
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .redirectUri(registration.getRedirectUri())
                .scopes(registration.getScopes())
                .state(state)
                .additionalParameters(Map.of(OAuth2ParameterNames.REGISTRATION_ID, registration.getRegistrationId(),
                        NONCE, stored.nonce()))
                .build();
    }
}
