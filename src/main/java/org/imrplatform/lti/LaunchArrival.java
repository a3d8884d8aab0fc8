package org.imrplatform.lti;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.imrplatform.account.LinkedAccounts;
import org.imrplatform.course.CourseCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

import uk.ac.ox.ctl.lti13.lti.Claims;
import uk.ac.ox.ctl.lti13.security.oauth2.client.lti.authentication.OidcAuthenticationToken;

/**
 * What a checked launch leads to. A resource link signs the linked learner in (a new account on their first launch)
 * and sends them to the course or module it names, keeping the gradebook column their completion goes to; a deep
 * linking request sends the teacher to the page where they choose what to place.
 */
class LaunchArrival implements AuthenticationSuccessHandler {

    private static final Logger log = LoggerFactory.getLogger(LaunchArrival.class);
    static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    static final String SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";

    private final Platforms platforms;
    private final Links links;
    private final LinkedAccounts accounts;
    private final ScoreTargets scoreTargets;
    private final DeepLinkRequests deepLinks;
    private final CourseCatalog catalog;
    private final ToolAddresses tool;
    private final PlatformAddress platformAddresses;
    private final AuthenticationFailureHandler refusal;

    LaunchArrival(Platforms platforms, Links links, LinkedAccounts accounts, ScoreTargets scoreTargets,
            DeepLinkRequests deepLinks, CourseCatalog catalog, ToolAddresses tool, PlatformAddress platformAddresses,
            AuthenticationFailureHandler refusal) {
        this.platforms = platforms;
        this.links = links;
        this.accounts = accounts;
        this.scoreTargets = scoreTargets;
        this.deepLinks = deepLinks;
        this.catalog = catalog;
        this.tool = tool;
        this.platformAddresses = platformAddresses;
        this.refusal = refusal;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        OidcIdToken idToken = ((OidcUser) authentication.getPrincipal()).getIdToken();
        long platformId = Long.parseLong(((OidcAuthenticationToken) authentication).getAuthorizedClientRegistrationId());
        if (LaunchChecks.DEEP_LINKING_REQUEST.equals(idToken.getClaimAsString(Claims.MESSAGE_TYPE))) {
            deepLinking(idToken, platformId, request, response);
            return;
        }
        LaunchTarget target = LaunchTarget.of(idToken.getClaimAsString(Claims.TARGET_LINK_URI), tool.of("/"), catalog)
                .orElse(null);
        if (target == null) {
            refusal.onAuthenticationFailure(request, response, Refusal.TARGET.exception("not a course of this site"));
            return;
        }
        Links.Link link = links.of(idToken.getIssuer().toExternalForm(), idToken.getSubject(), idToken.getFullName());
        if (!accounts.signIn(link.accountId(), request, response)) {
            // The learner's account was switched off here: the launch does not get round that.
            refusal.onAuthenticationFailure(request, response, Refusal.MESSAGE.exception("account switched off"));
            return;
        }
        platforms.find(platformId).ifPresent(platform -> keepScoreTarget(idToken, link, target, platform));
        log.info("LTI launch from platform {} signed in account {}", platformId, link.accountId());
        response.sendRedirect(request.getContextPath() + target.path());
    }

    /** The launch's gradebook column, when the platform lets the tool post scores to it. */
    private void keepScoreTarget(OidcIdToken idToken, Links.Link link, LaunchTarget target, Platform platform) {
        if (!(idToken.getClaim(AGS_ENDPOINT) instanceof Map<?, ?> endpoint)) {
            return;
        }
        Object lineitem = endpoint.get("lineitem");
        boolean mayScore = endpoint.get("scope") instanceof List<?> scopes && scopes.contains(SCORE_SCOPE);
        if (mayScore && lineitem instanceof String url && url.length() <= 1000
                && platformAddresses.ofPlatform(url, platform)) {
            scoreTargets.keep(link.id(), target.courseId(), platform.id(), url);
        }
    }

    private void deepLinking(OidcIdToken idToken, long platformId, HttpServletRequest request,
            HttpServletResponse response) throws IOException, ServletException {
        Object settings = idToken.getClaim(Claims.DEEP_LINKING_SETTINGS);
        Object returnUrl = settings instanceof Map<?, ?> map ? map.get("deep_link_return_url") : null;
        Object data = settings instanceof Map<?, ?> map ? map.get("data") : null;
        Object acceptTypes = settings instanceof Map<?, ?> map ? map.get("accept_types") : null;
        if (!(acceptTypes instanceof List<?> types && types.contains("ltiResourceLink"))) {
            // The tool answers with an LTI resource link only; a placement that cannot take one gets nothing.
            refusal.onAuthenticationFailure(request, response, Refusal.MESSAGE.exception("no resource link accepted"));
            return;
        }
        if (!(returnUrl instanceof String url) || url.length() > 1000 || !platformAddresses.acceptable(url)
                || (data != null && !(data instanceof String text && text.length() <= 2000))) {
            refusal.onAuthenticationFailure(request, response, Refusal.MESSAGE.exception("no usable return address"));
            return;
        }
        String id = deepLinks.keep(new DeepLinkRequests.DeepLinkRequest(platformId,
                idToken.getClaimAsString(Claims.LTI_DEPLOYMENT_ID), url, (String) data), LaunchCookie.hashOf(request));
        response.sendRedirect(request.getContextPath() + ToolAddresses.DEEP_LINKING + "/" + id);
    }
}
