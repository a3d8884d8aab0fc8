package org.imrplatform.lti;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

import org.imrplatform.support.BrowserTest;
import org.imrplatform.support.HttpVisitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Launches in a real browser, the fake platform answering the authentication request with a page whose button posts
 * the id token: the learner's session survives the launch, and the deep linking answer's form may be sent to the
 * platform under the page's Content Security Policy. Every page of ours on the way passes axe.
 */
class LtiLaunchBrowserTest extends BrowserTest {

    private static final String SITE = "https://imr.example.org";

    @Autowired
    Platforms platforms;

    FakePlatform platform;

    @BeforeEach
    void register() throws Exception {
        platform = new FakePlatform();
        platforms.add(platform.form());
        platform.launchAddress = url("/lti/login");
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private void startLaunch(String target) {
        page.navigate(url("/lti/login_initiation?iss=" + platform.issuer + "&client_id=" + platform.clientId
                + "&login_hint=hint&target_link_uri=" + target));
        click(AriaRole.BUTTON, "Continue to the tool");
    }

    @Test
    void aLearnerLaunchedFromTheLearningSystemStaysSignedIn() {
        String subject = "browser-" + UUID.randomUUID();
        platform.answering = request -> platform.launchClaims(subject, request.get("nonce"),
                SITE + "/courses/test-course").build();

        startLaunch(SITE + "/courses/test-course");

        assertThat(page).hasURL(url("/courses/test-course"));
        page.navigate(url("/my-learning"));
        assertThat(page).hasURL(url("/my-learning"));
        assertAccessible(page);
    }

    @Test
    void aTeacherChoosesAModuleAndTheAnswerReachesTheLearningSystem() throws Exception {
        platform.answering = request -> platform.launchClaims("teacher-" + UUID.randomUUID(), request.get("nonce"),
                        SITE + "/lti/deep-linking")
                .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiDeepLinkingRequest")
                .claim("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", Map.of(
                        "deep_link_return_url", platform.base() + "/deep-link-return",
                        "accept_types", List.of("ltiResourceLink")))
                .build();

        startLaunch(SITE + "/lti/deep-linking");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Choose what to place in your course"))).isVisible();
        assertAccessible(page);
        page.getByLabel("Module: ").first().check();
        click(AriaRole.BUTTON, "Place it in my course");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName("Return to your learning system"))).isVisible();
        assertAccessible(page);
        click(AriaRole.BUTTON, "Return to the learning system");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Content received")))
                .isVisible();
        assertThat(platform.deepLinkReturns).hasSize(1);
        SignedJWT answer = SignedJWT.parse(FakePlatform.form(platform.deepLinkReturns.getFirst().body()).get("JWT"));
        RSAKey toolKey = JWKSet.parse(new HttpVisitor(port).get("/lti/jwks").body()).getKeys().getFirst().toRSAKey();
        assertThat(answer.verify(new RSASSAVerifier(toolKey))).isTrue();
        assertThat(answer.getJWTClaimsSet().getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items")
                .toString()).contains(SITE + "/courses/");
    }
}
