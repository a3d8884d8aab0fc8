package org.imrplatform.lti;

import java.time.Clock;
import java.time.Duration;

import org.imrplatform.account.LinkedAccounts;
import org.imrplatform.course.CourseCatalog;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import uk.ac.ox.ctl.lti13.security.oauth2.client.lti.web.OAuth2LoginAuthenticationFilter;

/**
 * Puts the LTI launch into the application's security filter chain (SecurityConfig applies such customizers).
 * <p>
 * Of spring-security-lti13, the launch filter (the id token posted to {@value ToolAddresses#LAUNCH}) and its id
 * token checks are used, placed where its {@code Lti13Configurer} places them, but not that configurer itself: it
 * would allow framing of every page, switch off CSRF for all of {@code /lti/**}, and keep launch states in the
 * session and one node's memory. Here login initiation is {@link LaunchController}'s (a bad one gets the refusal
 * page), launch states live in the database ({@link LaunchStates}), and {@link LaunchChecks} checks the id token
 * further. SecurityConfig exempts from CSRF only the two addresses platforms post to.
 */
@Configuration
class LtiSecurity {

    /** Platforms' key sets are fetched with short timeouts, so a slow platform cannot hold launches up. */
    static final Duration KEY_FETCH_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    Customizer<HttpSecurity> ltiLaunches(PlatformRegistrations registrations, LaunchStates states,
            Platforms platforms, Links links, LinkedAccounts accounts, ScoreTargets scoreTargets,
            DeepLinkRequests deepLinks, CourseCatalog catalog, ToolAddresses tool, PlatformAddress addresses,
            Clock clock, RestTemplateBuilder rest) {
        LaunchRefusal refusal = new LaunchRefusal();
        OAuth2LoginAuthenticationFilter launch = new OAuth2LoginAuthenticationFilter(registrations, ToolAddresses.LAUNCH);
        // Only the platform's form post: an id token and state in a GET's query (a link anyone can send) are no launch.
        launch.setRequiresAuthenticationRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, ToolAddresses.LAUNCH));
        launch.setAuthorizationRequestRepository(states);
        launch.setAuthenticationManager(new ProviderManager(new LaunchChecks(platforms, clock,
                rest.connectTimeout(KEY_FETCH_TIMEOUT).readTimeout(KEY_FETCH_TIMEOUT).build())));
        launch.setAuthenticationSuccessHandler(new LaunchArrival(platforms, links, accounts, scoreTargets, deepLinks,
                catalog, tool, addresses, refusal));
        launch.setAuthenticationFailureHandler(refusal);
        return http -> http.addFilterAfter(launch, AbstractPreAuthenticatedProcessingFilter.class);
    }
}
