package org.imrplatform.lti;

import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;

import uk.ac.ox.ctl.lti13.Lti13Configurer;
import uk.ac.ox.ctl.lti13.security.oauth2.client.lti.web.OAuth2LoginAuthenticationFilter;

/**
 * The library's LTI launch on this application's terms. Only its launch filter (the id token posted to
 * {@value ToolAddresses#LAUNCH}) is used: login initiation is {@link LaunchController}'s, so a bad initiation gets
 * the refusal page; launch states live in the database ({@link LaunchStates}) instead of the session and one node's
 * memory; the id token is checked further by {@link LaunchChecks}. The library's own {@code init} is left out: it
 * would allow framing of every page and switch off CSRF for all of {@code /lti/**}; SecurityConfig exempts only the
 * two addresses platforms post to.
 */
class LaunchConfigurer extends Lti13Configurer {

    private final PlatformRegistrations registrations;
    private final LaunchStates states;
    private final LaunchChecks checks;
    private final LaunchArrival arrival;
    private final LaunchRefusal refusal;

    LaunchConfigurer(PlatformRegistrations registrations, LaunchStates states, LaunchChecks checks,
            LaunchArrival arrival, LaunchRefusal refusal) {
        this.registrations = registrations;
        this.states = states;
        this.checks = checks;
        this.arrival = arrival;
        this.refusal = refusal;
    }

    @Override
    public void init(HttpSecurity http) {
    }

    @Override
    public void configure(HttpSecurity http) {
        OAuth2LoginAuthenticationFilter launch = new OAuth2LoginAuthenticationFilter(registrations, ToolAddresses.LAUNCH);
        launch.setAuthorizationRequestRepository(states);
        launch.setAuthenticationManager(new ProviderManager(checks));
        launch.setAuthenticationSuccessHandler(arrival);
        launch.setAuthenticationFailureHandler(refusal);
        http.addFilterAfter(launch, AbstractPreAuthenticatedProcessingFilter.class);
    }
}
