package org.imrplatform.lti;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.nimbusds.jose.jwk.JWKSet;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

import uk.ac.ox.ctl.lti13.security.oauth2.client.lti.web.InvalidInitiationRequestException;
import uk.ac.ox.ctl.lti13.security.oauth2.client.lti.web.OIDCInitiatingLoginRequestResolver;

/**
 * The launch's public addresses besides the id token's: the platform's login initiation (step 1 of the OIDC
 * third-party login, answered with the authentication request sent back to the platform), the tool's public key
 * set, and the refusal page.
 */
@Controller
class LaunchController {

    private final PlatformRegistrations registrations;
    private final Platforms platforms;
    private final LaunchStates states;
    private final ToolKey key;
    private final OIDCInitiatingLoginRequestResolver initiations;

    LaunchController(PlatformRegistrations registrations, Platforms platforms, LaunchStates states, ToolKey key) {
        this.registrations = registrations;
        this.platforms = platforms;
        this.states = states;
        this.key = key;
        this.initiations = new OIDCInitiatingLoginRequestResolver(registrations, ToolAddresses.LOGIN_INITIATION);
    }

    /** Platforms that send their client id (Moodle, Canvas) use the one address for every registration. */
    @RequestMapping(path = ToolAddresses.LOGIN_INITIATION, method = {RequestMethod.GET, RequestMethod.POST})
    String initiate(@RequestParam(name = "iss", required = false) String issuer,
            @RequestParam(name = "client_id", required = false) String clientId, HttpServletRequest request,
            HttpServletResponse response) {
        List<Platform> candidates = issuer == null ? List.of() : platforms.ofIssuer(issuer).stream()
                .filter(platform -> sentBy(platform, issuer, clientId)).toList();
        if (candidates.size() != 1) {
            return refused(Refusal.UNKNOWN_PLATFORM, request);
        }
        return initiate(candidates.getFirst(), request, response);
    }

    @RequestMapping(path = ToolAddresses.LOGIN_INITIATION + "/{registrationId}",
            method = {RequestMethod.GET, RequestMethod.POST})
    String initiate(@PathVariable String registrationId, @RequestParam(name = "iss", required = false) String issuer,
            @RequestParam(name = "client_id", required = false) String clientId, HttpServletRequest request,
            HttpServletResponse response) {
        Platform platform = registrations.platform(registrationId)
                .filter(registered -> sentBy(registered, issuer, clientId)).orElse(null);
        if (platform == null) {
            return refused(Refusal.UNKNOWN_PLATFORM, request);
        }
        return initiate(platform, request, response);
    }

    /** Whether a login initiation's issuer and client id (which a platform may leave out) are the platform's. */
    private static boolean sentBy(Platform platform, String issuer, String clientId) {
        return platform.issuer().equals(issuer) && (clientId == null || clientId.equals(platform.clientId()));
    }

    private String initiate(Platform platform, HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizationRequest authentication;
        try {
            // The redirect URI in it is the registration's, absolute from the configured public address.
            authentication = initiations.resolve(request, platform.registrationId());
        } catch (InvalidInitiationRequestException e) {
            return refused(Refusal.MESSAGE, request);
        }
        states.saveAuthorizationRequest(authentication, request, response);
        return "redirect:" + authentication.getAuthorizationRequestUri();
    }

    /**
     * Only the platform's form post is a launch (the launch filter takes POST alone): an id token and state in a
     * link's query are refused, whoever's browser follows the link.
     */
    @GetMapping(ToolAddresses.LAUNCH)
    String launchByLink(HttpServletRequest request) {
        return refused(Refusal.MESSAGE, request);
    }

    /** Launches refused inside the security filter chain are forwarded here; the page says why. */
    @RequestMapping(path = ToolAddresses.REFUSED, method = {RequestMethod.GET, RequestMethod.POST})
    String refusedPage(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object refusal = request.getAttribute(LaunchRefusal.REFUSAL);
        Refusal shown = refusal instanceof Refusal known ? known : Refusal.MESSAGE;
        model.addAttribute("reason", shown.messageKey());
        response.setStatus(shown.status());
        return "lti/refused";
    }

    @GetMapping(path = ToolAddresses.JWKS, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(new JWKSet(key.published()).toJSONObject(true));
    }

    private static String refused(Refusal refusal, HttpServletRequest request) {
        request.setAttribute(LaunchRefusal.REFUSAL, refusal);
        return "forward:" + ToolAddresses.REFUSED;
    }
}
