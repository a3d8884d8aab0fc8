package org.imrplatform.lti;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.web.client.RestOperations;

import uk.ac.ox.ctl.lti13.lti.Claims;
import uk.ac.ox.ctl.lti13.security.oauth2.client.lti.authentication.OidcLaunchFlowAuthenticationProvider;
import uk.ac.ox.ctl.lti13.security.oauth2.client.lti.authentication.OidcLaunchFlowToken;

/**
 * The library's checks of an id token (its signature by the platform's keys, expiry, issuer, audience, authorized
 * party, LTI version, message type, roles and deployment claims), then what it leaves to the tool: the nonce this
 * launch was given, the deployment registered for the platform, a message type the tool answers, an issue time
 * neither old nor ahead, and a subject. Every failure is an {@link OAuth2AuthenticationException} naming its
 * {@link Refusal}, so none reaches the person as a server error.
 */
class LaunchChecks extends OidcLaunchFlowAuthenticationProvider {

    static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
    static final String DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";
    /** How long after it was issued an id token is still taken: the platform posts it at once. */
    static final Duration ISSUED_WITHIN = Duration.ofMinutes(5);
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final Platforms platforms;
    private final Clock clock;

    LaunchChecks(Platforms platforms, Clock clock, RestOperations keyFetching) {
        this.platforms = platforms;
        this.clock = clock;
        setRestOperations(keyFetching);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OidcLaunchFlowToken launch;
        try {
            launch = (OidcLaunchFlowToken) super.authenticate(authentication);
        } catch (JwtValidationException e) {
            boolean expired = e.getErrors().stream()
                    .anyMatch(error -> String.valueOf(error.getDescription()).contains("expired"));
            throw (expired ? Refusal.EXPIRED : Refusal.MESSAGE).exception(e.getMessage());
        } catch (BadJwtException e) {
            throw Refusal.SIGNATURE.exception(e.getMessage());
        } catch (JwtException e) {
            // The platform's keys could not be fetched or read: the token cannot be verified.
            throw Refusal.SIGNATURE.exception(e.getMessage());
        } catch (IllegalArgumentException e) {
            // A claim of the wrong kind (an issuer that is no address, roles that are no list).
            throw Refusal.MESSAGE.exception(e.getMessage());
        }
        if (launch == null) {
            throw Refusal.MESSAGE.exception("not an OpenID Connect launch");
        }
        OidcIdToken idToken = launch.getPrincipal().getIdToken();
        Map<String, Object> sent = launch.getAuthorizationExchange().getAuthorizationRequest()
                .getAdditionalParameters();
        if (!Objects.equals(sent.get(LaunchStates.NONCE), idToken.getNonce())) {
            throw Refusal.REPLAYED.exception("the nonce is not the one this launch was given");
        }
        Instant now = clock.instant();
        if (idToken.getIssuedAt().isBefore(now.minus(ISSUED_WITHIN))
                || idToken.getIssuedAt().isAfter(now.plus(CLOCK_SKEW))
                || !idToken.getExpiresAt().isAfter(now.minus(CLOCK_SKEW))) {
            throw Refusal.EXPIRED.exception("issued at " + idToken.getIssuedAt());
        }
        long platformId = Long.parseLong(launch.getClientRegistration().getRegistrationId());
        Platform platform = platforms.find(platformId)
                .orElseThrow(() -> Refusal.UNKNOWN_PLATFORM.exception("removed during the launch"));
        if (!platform.deploymentIds().contains(idToken.getClaimAsString(Claims.LTI_DEPLOYMENT_ID))) {
            throw Refusal.UNKNOWN_DEPLOYMENT.exception("deployment not registered");
        }
        String messageType = idToken.getClaimAsString(Claims.MESSAGE_TYPE);
        if (!RESOURCE_LINK_REQUEST.equals(messageType) && !DEEP_LINKING_REQUEST.equals(messageType)) {
            throw Refusal.MESSAGE.exception("message type not answered");
        }
        if (idToken.getSubject() == null || idToken.getSubject().isBlank() || idToken.getSubject().length() > 255) {
            throw Refusal.MESSAGE.exception("no usable subject");
        }
        return launch;
    }
}
