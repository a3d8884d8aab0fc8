package org.imrplatform.shared;


import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * Who may do what. Course pages and the Learn face's home are public; administration and the Evaluate and
 * Administration homes need the ADMINISTRATOR role; the Practice face and its home need the FACILITATOR, REVIEWER or
 * ADMINISTRATOR role. CSRF tokens live in a cookie and
 * sessions in the database, so no application node holds state of its own.
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, HandlerMappingIntrospector routes,
            ObjectProvider<Customizer<HttpSecurity>> moduleFilters) throws Exception {
        // Filters a module adds to the chain (the LTI launch, org.imrplatform.lti).
        for (Customizer<HttpSecurity> moduleFilter : moduleFilters.orderedStream().toList()) {
            moduleFilter.customize(http);
        }
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/courses/*/evaluation", "/courses/*/knowledge-test/**").authenticated()
                        .requestMatchers("/", "/courses/**", "/login", "/register", "/password-reset/**", "/password-reset",
                                "/certificates/verify", "/home/learn", "/error", "/static/**",
                                "/favicon.ico", "/areas", "/areas/**").permitAll()
                        // LTI: a learning system's launches (checked by the lti module), the tool's public key, a
                        // refused launch's page, and the deep linking choice (reached only by its random id).
                        .requestMatchers("/lti/login", "/lti/login_initiation", "/lti/login_initiation/*", "/lti/jwks",
                                "/lti/refused", "/lti/deep-linking/*").permitAll()
                        .requestMatchers("/admin/**", "/home/evaluate", "/home/administration")
                                .hasRole("ADMINISTRATOR")
                        .requestMatchers("/home/practice").hasAnyRole("FACILITATOR", "REVIEWER", "ADMINISTRATOR")
                        // Practice: participants' records are kept by the facilitators of their group (checked per
                        // record by ParticipantRecords) and administrators; reviewers do not see them.
                        .requestMatchers("/practice/groups", "/practice/groups/**", "/practice/participants/**")
                                .hasAnyRole("FACILITATOR", "ADMINISTRATOR")
                        // Practice: facilitators read their reviews; only reviewers and administrators change any.
                        .requestMatchers(HttpMethod.POST, "/practice/**").hasAnyRole("REVIEWER", "ADMINISTRATOR")
                        .requestMatchers("/practice/reviews/new").hasAnyRole("REVIEWER", "ADMINISTRATOR")
                        .requestMatchers("/practice", "/practice/**")
                                .hasAnyRole("FACILITATOR", "REVIEWER", "ADMINISTRATOR")
                        // Under these prefixes (and /admin, /practice above) a visitor is sent to sign in whatever
                        // the address, so which protected addresses exist is not told; elsewhere an address no page
                        // answers is "not found" for everyone (docs/security.md).
                        .requestMatchers("/my-learning/**", "/account/**", "/home/**").authenticated()
                        .requestMatchers(new UnknownAddress(routes)).permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new AnonymousUploadRefusal(), CsrfFilter.class)
                .requestCache(cache -> cache.requestCache(new ReturnAddressCookie()))
                .formLogin(login -> login.loginPage("/login").failureHandler(signInFailures()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(signInPage()))
                .logout(logout -> logout.logoutSuccessUrl("/?signedOut"))
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository())
                        // A learning system posts the login initiation and the id token from its own site, so they
                        // cannot carry our token; the launch is protected instead by its single-use state and nonce,
                        // bound to the browser that started it by a cookie (lti.LaunchCookie), and the platform's
                        // signature on the id token.
                        .ignoringRequestMatchers("/lti/login", "/lti/login_initiation", "/lti/login_initiation/*"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions
                                .policy("camera=(), microphone=(), geolocation=(), interest-cohort=()")));
        return http.build();
    }

    /**
     * Throttled attempts (a LockedException) and a switched-off account (told only after the right password) get
     * their own message; every other failure the same one. The page's message comes from the address, so nothing is
     * kept in the session: no session is made for a failure, and a signed-in browser's session is not written (in
     * parallel, such writes clashed on one session row and answered 500).
     */
    private static AuthenticationFailureHandler signInFailures() {
        return (request, response, failure) -> response.sendRedirect(request.getContextPath() + "/login?"
                + switch (failure) {
                    case LockedException locked -> "locked";
                    case DisabledException disabled -> "disabled";
                    default -> "error";
                });
    }

    /** Sends visitors to the sign-in page by path: an absolute address would repeat the Host the request claimed. */
    private static LoginUrlAuthenticationEntryPoint signInPage() {
        LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
        signIn.setFavorRelativeUris(true);
        return signIn;
    }

    /**
     * Addresses are matched by path patterns, as Spring MVC matches them, rather than by asking MVC's handler
     * mappings for each rule: the way Spring Security 7 does it, and what lets {@link RouteLookupOnce} drop MVC's
     * route cache filter.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatterns() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    static RouteLookupOnce routeLookupOnce() {
        return new RouteLookupOnce();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
