package org.imrplatform.lti;

import java.time.Clock;
import java.time.Duration;

import org.imrplatform.account.LinkedAccounts;
import org.imrplatform.course.CourseCatalog;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.web.client.RestOperations;

/**
 * Puts the LTI launch into the application's security filter chain (SecurityConfig applies such customizers), and
 * lets scores go to learning systems off the learners' request threads ({@link ScoreReporting} is {@code @Async}).
 */
@Configuration
@EnableAsync
class LtiSecurity {

    /** Platforms' key sets are fetched with short timeouts, so a slow platform cannot hold launches up. */
    static RestOperations keyFetching(RestTemplateBuilder rest) {
        return rest.connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(5)).build();
    }

    @Bean
    Customizer<HttpSecurity> ltiLaunches(PlatformRegistrations registrations, LaunchStates states,
            Platforms platforms, Links links, LinkedAccounts accounts, ScoreTargets scoreTargets,
            DeepLinkRequests deepLinks, CourseCatalog catalog, ToolAddresses tool, PlatformAddress addresses,
            Clock clock, RestTemplateBuilder rest) {
        LaunchRefusal refusal = new LaunchRefusal();
        LaunchArrival arrival = new LaunchArrival(links, accounts, scoreTargets, deepLinks, catalog, tool, addresses,
                refusal);
        LaunchChecks checks = new LaunchChecks(platforms, clock, keyFetching(rest));
        return http -> {
            try {
                http.with(new LaunchConfigurer(registrations, states, checks, arrival, refusal), Customizer.withDefaults());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
