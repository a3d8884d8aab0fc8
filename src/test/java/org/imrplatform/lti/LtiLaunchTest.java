package org.imrplatform.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.imrplatform.ImrPlatformApplication;
import org.imrplatform.completion.CourseCompleted;
import org.imrplatform.support.HttpVisitor;
import org.imrplatform.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * A learning system launches courses here over LTI 1.3, as a fake platform performing the OIDC third-party login
 * against the running application: login initiation, the authentication request it is sent back, the id token
 * posted to the launch address.
 */
@ServerTest
class LtiLaunchTest {

    private static final String SITE = "https://imr.example.org";
    private static final String COURSE = SITE + "/courses/test-course";

    @LocalServerPort
    int port;

    @Autowired
    Platforms platforms;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    IncompleteEventPublications outstanding;

    FakePlatform platform;

    @BeforeEach
    void register() throws Exception {
        platform = new FakePlatform();
        platforms.add(platform.form());
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    /** Step 1 and 2: the platform's login initiation, answered with the authentication request to the platform. */
    private Map<String, String> initiate(HttpVisitor browser, String issuer, String target) {
        HttpResponse<String> initiation = browser.post("/lti/login_initiation", "iss", issuer, "login_hint", "hint",
                "target_link_uri", target, "client_id", platform.clientId, "lti_message_hint", "message");
        assertThat(initiation.statusCode()).as(initiation.body()).isEqualTo(302);
        String authentication = initiation.headers().firstValue("Location").orElseThrow();
        assertThat(authentication).startsWith(platform.base() + "/auth?");
        Map<String, String> request = FakePlatform.parameters(authentication);
        assertThat(request).containsEntry("client_id", platform.clientId).containsEntry("response_type", "id_token")
                .containsEntry("response_mode", "form_post").containsEntry("scope", "openid")
                .containsEntry("prompt", "none").containsEntry("login_hint", "hint")
                .containsEntry("lti_message_hint", "message").containsEntry("redirect_uri", SITE + "/lti/login");
        return request;
    }

    /** Step 3: the id token posted by the browser to the launch address. */
    private HttpResponse<String> post(HttpVisitor browser, String idToken, String state) {
        return browser.post("/lti/login", "id_token", idToken, "state", state);
    }

    private HttpResponse<String> launch(HttpVisitor browser, String subject, Consumer<JWTClaimsSet.Builder> change)
            throws Exception {
        Map<String, String> request = initiate(browser, platform.issuer, COURSE);
        JWTClaimsSet.Builder claims = platform.launchClaims(subject, request.get("nonce"), COURSE);
        change.accept(claims);
        return post(browser, platform.sign(claims.build()), request.get("state"));
    }

    private long accountOf(String subject) {
        return jdbc.sql("select account_id from lti_link where issuer = ? and subject = ?")
                .params(platform.issuer, subject).query(Long.class).single();
    }

    private static void assertRefused(HttpResponse<String> response, String because) {
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 403);
        assertThat(response.body()).contains("The launch was refused").contains(HtmlUtils.htmlEscape(because))
                .doesNotContain("Exception");
    }

    @Test
    void aValidLaunchSignsANewLearnerInAndLandsOnTheCoursePage() throws Exception {
        HttpVisitor browser = new HttpVisitor(port);
        String subject = "subject-" + UUID.randomUUID();

        HttpResponse<String> launched = launch(browser, subject, FakePlatform.unchanged());

        assertThat(launched.statusCode()).isEqualTo(302);
        assertThat(HttpVisitor.location(launched)).isEqualTo("/courses/test-course");
        HttpResponse<String> myLearning = browser.get("/my-learning");
        assertThat(myLearning.statusCode()).as("signed in").isEqualTo(200);
        assertThat(myLearning.body()).as("the header names the learner, not an address that is not theirs")
                .contains("<span class=\"signed-in-as__name\">Launched Learner " + subject + "</span>")
                .doesNotContain("@linked.invalid");
        HttpResponse<String> slide = browser.get("/courses/test-course/modules/basics/slides/welcome");
        assertThat(slide.body()).as("shared slide pages too")
                .contains("<span class=\"signed-in-as__name\">Launched Learner " + subject + "</span>");
        assertThat(jdbc.sql("select full_name from account where id = ?").param(accountOf(subject))
                .query(String.class).single()).isEqualTo("Launched Learner " + subject);
        assertThat(jdbc.sql("select email from account where id = ?").param(accountOf(subject)).query(String.class)
                .single()).as("the platform's email is not trusted").endsWith("@linked.invalid");
    }

    @Test
    void aModuleLaunchLandsOnTheModulePage() throws Exception {
        HttpVisitor browser = new HttpVisitor(port);
        Map<String, String> request = initiate(browser, platform.issuer, COURSE + "/modules/basics");
        JWTClaimsSet claims = platform.launchClaims("module-" + UUID.randomUUID(), request.get("nonce"),
                COURSE + "/modules/basics").build();

        HttpResponse<String> launched = post(browser, platform.sign(claims), request.get("state"));

        assertThat(HttpVisitor.location(launched)).isEqualTo("/courses/test-course/modules/basics");
    }

    @Test
    void theSameSubjectReusesItsAccountButTheSameEmailWithAnotherSubjectDoesNot() throws Exception {
        String subject = "again-" + UUID.randomUUID();
        launch(new HttpVisitor(port), subject, FakePlatform.unchanged());
        long first = accountOf(subject);

        HttpVisitor later = new HttpVisitor(port);
        assertThat(launch(later, subject, FakePlatform.unchanged()).statusCode()).isEqualTo(302);
        assertThat(accountOf(subject)).isEqualTo(first);

        String other = "other-" + UUID.randomUUID();
        launch(new HttpVisitor(port), other, claims -> claims.claim("email", "shared-" + subject + "@example.org"));
        assertThat(accountOf(other)).as("an email shared with another subject links nothing").isNotEqualTo(first);
    }

    /** Nodes keep nothing of a launch: it may start on one node, end on another, and be replayed on neither. */
    @Test
    void aLaunchStartedOnOneNodeEndsOnAnotherOnce() throws Exception {
        try (var other = new SpringApplicationBuilder(ImrPlatformApplication.class).profiles("test")
                .properties("server.port=0").run()) {
            HttpVisitor browser = new HttpVisitor(port);
            HttpVisitor onOther = browser.onPort(((ServletWebServerApplicationContext) other).getWebServer().getPort());
            String subject = "nodes-" + UUID.randomUUID();
            Map<String, String> request = initiate(browser, platform.issuer, COURSE);
            String idToken = platform.sign(platform.launchClaims(subject, request.get("nonce"), COURSE).build());

            assertThat(HttpVisitor.location(post(onOther, idToken, request.get("state"))))
                    .isEqualTo("/courses/test-course");
            assertThat(browser.get("/my-learning").statusCode()).as("signed in on the first node too").isEqualTo(200);
            assertRefused(post(new HttpVisitor(port), idToken, request.get("state")), "already used");
        }
    }

    /** Login CSRF: an attacker's own launch, stopped before its post, then posted from a victim's browser. */
    @Test
    void aLaunchPostedFromAnotherBrowserThanTheOneThatStartedItIsRefused() throws Exception {
        HttpVisitor attacker = new HttpVisitor(port);
        Map<String, String> request = initiate(attacker, platform.issuer, COURSE);
        String idToken = platform.sign(platform.launchClaims("csrf-" + UUID.randomUUID(), request.get("nonce"),
                COURSE).build());
        HttpVisitor victim = new HttpVisitor(port);
        victim.get("/");

        assertRefused(post(victim, idToken, request.get("state")), "started in another browser");
        assertThat(victim.get("/my-learning").statusCode()).as("the victim is signed in as nobody").isEqualTo(302);

        HttpVisitor starter = new HttpVisitor(port);
        initiate(starter, platform.issuer, COURSE);
        assertRefused(post(starter, idToken, request.get("state")), "started in another browser");
        assertThat(HttpVisitor.location(post(attacker, idToken, request.get("state"))))
                .as("the launch is still its own browser's").isEqualTo("/courses/test-course");
    }

    @Test
    void anIdTokenInALinkIsNoLaunchEvenInTheBrowserThatStartedIt() throws Exception {
        HttpVisitor browser = new HttpVisitor(port);
        Map<String, String> request = initiate(browser, platform.issuer, COURSE);
        String idToken = platform.sign(platform.launchClaims("link-" + UUID.randomUUID(), request.get("nonce"),
                COURSE).build());

        assertRefused(browser.get("/lti/login?id_token=" + idToken + "&state=" + request.get("state")),
                "missing something LTI 1.3 requires");
        assertThat(browser.get("/my-learning").statusCode()).as("nobody signed in").isEqualTo(302);
    }

    @Test
    void theLaunchCookieIsHttpOnlyAndOverHttpsSecureForThisHostAndCrossSitePosts() throws Exception {
        HttpResponse<String> initiation = new HttpVisitor(port).post("/lti/login_initiation", "iss", platform.issuer,
                "login_hint", "hint", "target_link_uri", COURSE, "client_id", platform.clientId);
        assertThat(initiation.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("lti-launch=").contains("; Path=/", "; Max-Age=600", "; HttpOnly", "; SameSite=Lax")
                .doesNotContain("Secure"));

        org.springframework.mock.web.MockHttpServletRequest overHttps =
                new org.springframework.mock.web.MockHttpServletRequest();
        overHttps.setSecure(true);
        org.springframework.mock.web.MockHttpServletResponse response =
                new org.springframework.mock.web.MockHttpServletResponse();
        String hash = LaunchCookie.give(overHttps, response);
        assertThat(response.getHeader("Set-Cookie")).startsWith("__Host-lti-launch=")
                .contains("; Path=/", "; Secure", "; HttpOnly", "; SameSite=None").doesNotContain("Domain");
        overHttps.setCookies(new jakarta.servlet.http.Cookie(LaunchCookie.SECURE_NAME,
                response.getCookie(LaunchCookie.SECURE_NAME).getValue()));
        assertThat(LaunchCookie.hashOf(overHttps)).as("the browser's value is kept hashed").isEqualTo(hash)
                .doesNotContain(response.getCookie(LaunchCookie.SECURE_NAME).getValue());
    }

    @Test
    void aForgedSignatureIsRefused() throws Exception {
        HttpVisitor browser = new HttpVisitor(port);
        Map<String, String> request = initiate(browser, platform.issuer, COURSE);
        RSAKey forger = new RSAKeyGenerator(2048).keyID(platform.key.getKeyID()).generate();
        String forged = FakePlatform.sign(platform.launchClaims("forged", request.get("nonce"), COURSE).build(),
                forger);

        assertRefused(post(browser, forged, request.get("state")), "signature could not be verified");
        assertThat(browser.get("/my-learning").statusCode()).as("nobody signed in").isEqualTo(302);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Instant old = Instant.now().minusSeconds(3600);
        assertRefused(launch(new HttpVisitor(port), "expired", claims -> claims.issueTime(Date.from(old))
                .expirationTime(Date.from(old.plusSeconds(300)))), "The launch has expired");
    }

    @Test
    void aTokenIssuedLongAgoButNotYetExpiredIsRefused() throws Exception {
        assertRefused(launch(new HttpVisitor(port), "old", claims -> claims.issueTime(
                Date.from(Instant.now().minusSeconds(3600)))), "The launch has expired");
    }

    @Test
    void aReplayedLaunchIsRefused() throws Exception {
        HttpVisitor browser = new HttpVisitor(port);
        Map<String, String> request = initiate(browser, platform.issuer, COURSE);
        String idToken = platform.sign(platform.launchClaims("replay", request.get("nonce"), COURSE).build());
        assertThat(post(browser, idToken, request.get("state")).statusCode()).isEqualTo(302);

        assertRefused(post(new HttpVisitor(port), idToken, request.get("state")), "already used");

        // The same token with a fresh state: its nonce was this launch's, not the fresh one's.
        HttpVisitor attacker = new HttpVisitor(port);
        Map<String, String> fresh = initiate(attacker, platform.issuer, COURSE);
        assertRefused(post(attacker, idToken, fresh.get("state")), "already used");
    }

    @Test
    void aTokenForAnotherToolIsRefused() throws Exception {
        assertRefused(launch(new HttpVisitor(port), "audience", claims -> claims.audience("another-tool")
                .claim("azp", "another-tool")), "made for another tool");
    }

    @Test
    void theLoginInitiationOfOneRegistrationNeedsItsIssuerAndAnyClientIdSentToBeItsOwn() {
        long id = platforms.ofIssuer(platform.issuer).getFirst().id();
        String address = "/lti/login_initiation/" + id + "?login_hint=h&target_link_uri=" + COURSE;
        assertRefused(new HttpVisitor(port).get(address + "&iss=https://other.example.org"), "not registered");
        assertRefused(new HttpVisitor(port).get(address + "&iss=" + platform.issuer + "&client_id=another"),
                "not registered");
        assertThat(new HttpVisitor(port).get(address + "&iss=" + platform.issuer).statusCode()).isEqualTo(302);
        assertThat(new HttpVisitor(port).get(address + "&iss=" + platform.issuer + "&client_id=" + platform.clientId)
                .statusCode()).isEqualTo(302);
    }

    @Test
    void anUnregisteredIssuerIsRefusedAtInitiationAndAtLaunch() throws Exception {
        HttpResponse<String> initiation = new HttpVisitor(port).post("/lti/login_initiation", "iss",
                "https://unknown.example.org", "login_hint", "hint", "target_link_uri", COURSE, "client_id", "x");
        assertRefused(initiation, "not registered with IMR Platform");
        assertRefused(new HttpVisitor(port).get("/lti/login_initiation/999999999?iss=x&login_hint=h"),
                "not registered with IMR Platform");

        assertRefused(launch(new HttpVisitor(port), "issuer", claims -> claims.issuer("https://unknown.example.org")),
                "not registered with IMR Platform");
    }

    @Test
    void anUnknownDeploymentIsRefused() throws Exception {
        assertRefused(launch(new HttpVisitor(port), "deployment", claims -> claims.claim(
                "https://purl.imsglobal.org/spec/lti/claim/deployment_id", "not-registered")), "not this deployment");
    }

    @Test
    void aTargetOutsideOurSiteIsRefused() throws Exception {
        for (String target : List.of("https://evil.example.org/courses/test-course", SITE + "/admin/users",
                COURSE + "/modules/no-such-module", SITE + "/courses/no-such-course", "javascript:alert(1)")) {
            assertRefused(launch(new HttpVisitor(port), "target", claims -> claims.claim(
                    "https://purl.imsglobal.org/spec/lti/claim/target_link_uri", target)), "not a course or module");
        }
    }

    /** Refused after the id token was checked: the refusal page signs nobody in, not even for its own rendering. */
    @Test
    void aLaunchRefusedAfterItsTokenWasCheckedShowsNobodySignedIn() throws Exception {
        String subject = "refused-target-" + UUID.randomUUID();
        HttpVisitor browser = new HttpVisitor(port);
        HttpResponse<String> refused = launch(browser, subject, claims -> claims.claim(
                "https://purl.imsglobal.org/spec/lti/claim/target_link_uri", SITE + "/admin/users"));

        assertRefused(refused, "not a course or module");
        assertThat(refused.body()).doesNotContain(subject).doesNotContain("signed-in-as");
        assertThat(browser.get("/my-learning").statusCode()).as("nobody signed in").isEqualTo(302);
    }

    @Test
    void garbageInsteadOfATokenIsRefusedWithoutAServerError() throws Exception {
        HttpVisitor browser = new HttpVisitor(port);
        Map<String, String> request = initiate(browser, platform.issuer, COURSE);
        assertRefused(post(browser, "not.a.token", request.get("state")), "signature could not be verified");
        assertRefused(browser.post("/lti/login", "state", "x".repeat(5000), "id_token", "y"), "already used");
        assertRefused(browser.get("/lti/login"), "missing something LTI 1.3 requires");
    }

    @Test
    void completionIsSentToTheGradebookWithAClientAssertionSignedByTheToolKey() throws Exception {
        String subject = "graded-" + UUID.randomUUID();
        launch(new HttpVisitor(port), subject, claims -> claims.claim(LaunchArrival.AGS_ENDPOINT, Map.of(
                "scope", List.of(LaunchArrival.SCORE_SCOPE), "lineitem", platform.lineitem())));

        transactions.executeWithoutResult(status -> events.publishEvent(new CourseCompleted(accountOf(subject),
                "test-course", Instant.now())));

        await().atMost(Duration.ofSeconds(20)).until(() -> platform.scores.size() == 1);
        assertThat(platform.tokenRequests).hasSize(1);
        Map<String, String> token = FakePlatform.form(platform.tokenRequests.getFirst().body());
        assertThat(token).containsEntry("grant_type", "client_credentials")
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .containsEntry("scope", LaunchArrival.SCORE_SCOPE);
        SignedJWT assertion = SignedJWT.parse(token.get("client_assertion"));
        RSAKey toolKey = JWKSet.parse(new HttpVisitor(port).get("/lti/jwks").body()).getKeys().getFirst().toRSAKey();
        assertThat(toolKey.isPrivate()).as("the published key set holds no private key").isFalse();
        assertThat(assertion.verify(new RSASSAVerifier(toolKey))).isTrue();
        assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo(platform.clientId);
        assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo(platform.clientId);
        assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(platform.base() + "/token");

        assertThat(platform.scores).hasSize(1);
        FakePlatform.Received score = platform.scores.getFirst();
        assertThat(score.headers()).containsEntry(":path", "/lineitems/7/scores?type=course")
                .containsEntry("authorization", "Bearer platform-token")
                .containsEntry("content-type", "application/vnd.ims.lis.v1.score+json");
        assertThat(score.body()).contains("\"userId\":\"" + subject + "\"", "\"scoreGiven\":1",
                "\"scoreMaximum\":1", "\"activityProgress\":\"Completed\"", "\"gradingProgress\":\"FullyGraded\"",
                "\"timestamp\":\"");
    }

    /** A signed launch cannot make the tool post scores, with a bearer token, to a host that is not the platform's. */
    @Test
    void aGradebookColumnOnAnotherHostIsNotKept() throws Exception {
        for (String column : List.of("https://169.254.169.254/latest/meta-data", "https://127.0.0.1:8443/lineitems/1",
                "https://internal.example.net/lineitems/1", platform.lineitem().replace("localhost", "127.0.0.1"))) {
            String subject = "column-" + UUID.randomUUID();
            assertThat(launch(new HttpVisitor(port), subject, claims -> claims.claim(LaunchArrival.AGS_ENDPOINT,
                    Map.of("scope", List.of(LaunchArrival.SCORE_SCOPE), "lineitem", column))).statusCode())
                    .as("the learner still arrives").isEqualTo(302);
            assertThat(jdbc.sql("select count(*) from lti_score_column t join lti_link l on l.id = t.link_id"
                    + " where l.subject = ?").param(subject).query(Long.class).single()).as(column).isZero();
        }
    }

    @Test
    void aGradebookColumnMayBeOnTheIssuersTokenOrLoginHostOrUnderTheIssuersParentDomain() {
        Platform canvas = new Platform(1, "https://canvas.instructure.com", "c", List.of("d"),
                "https://sso.canvaslms.com/api/lti/authorize_redirect", "https://sso.canvaslms.com/login/oauth2/token",
                "https://sso.canvaslms.com/api/lti/security/jwks");
        PlatformAddress addresses = new PlatformAddress(false);
        assertThat(addresses.ofPlatform("https://school.instructure.com/api/lti/courses/1/line_items/2", canvas))
                .isTrue();
        assertThat(addresses.ofPlatform("https://sso.canvaslms.com/x", canvas)).isTrue();
        assertThat(addresses.ofPlatform("https://canvas.instructure.com/x", canvas)).isTrue();
        assertThat(addresses.ofPlatform("https://evilinstructure.com/x", canvas)).isFalse();
        assertThat(addresses.ofPlatform("https://school.instructure.com.evil.org/x", canvas)).isFalse();
        assertThat(addresses.ofPlatform("http://school.instructure.com/x", canvas)).isFalse();
        assertThat(addresses.ofPlatform("https://10.0.0.1/x", canvas)).isFalse();
        Platform moodle = new Platform(2, "https://moodle.example", "c", List.of("d"), "https://moodle.example/auth",
                "https://moodle.example/token", "https://moodle.example/keys");
        assertThat(addresses.ofPlatform("https://other.example/x", moodle)).as("no parent domain of two labels")
                .isFalse();
    }

    /** One course placed twice in the learning system: each column the learner launched from gets the score. */
    @Test
    void completionIsSentToEveryColumnTheLearnerLaunchedTheCourseFrom() throws Exception {
        String subject = "two-columns-" + UUID.randomUUID();
        for (String column : List.of(platform.base() + "/lineitems/7", platform.base() + "/lineitems/8",
                platform.base() + "/lineitems/7")) {
            launch(new HttpVisitor(port), subject, claims -> claims.claim(LaunchArrival.AGS_ENDPOINT, Map.of(
                    "scope", List.of(LaunchArrival.SCORE_SCOPE), "lineitem", column)));
        }

        transactions.executeWithoutResult(status -> events.publishEvent(new CourseCompleted(accountOf(subject),
                "test-course", Instant.parse("2026-06-05T10:00:00Z"))));

        await().atMost(Duration.ofSeconds(20)).until(() -> platform.scores.size() == 2);
        assertThat(platform.scores).extracting(score -> score.headers().get(":path"))
                .containsExactlyInAnyOrder("/lineitems/7/scores", "/lineitems/8/scores");
    }

    @Test
    void aScoreThePlatformDidNotTakeIsKeptAndSentAgain() throws Exception {
        String subject = "retried-" + UUID.randomUUID();
        launch(new HttpVisitor(port), subject, claims -> claims.claim(LaunchArrival.AGS_ENDPOINT, Map.of(
                "scope", List.of(LaunchArrival.SCORE_SCOPE), "lineitem", platform.lineitem())));
        platform.failingScores.set(1);
        CourseCompleted completed = new CourseCompleted(accountOf(subject), "test-course",
                Instant.parse("2026-06-01T10:00:00Z"));

        transactions.executeWithoutResult(status -> events.publishEvent(completed));
        await().atMost(Duration.ofSeconds(20)).until(() -> platform.scoreAttempts.get() == 1);
        assertThat(platform.scores).as("the platform answered 500").isEmpty();
        String ofThisLearner = "%\"accountId\":" + completed.accountId() + ",%";
        await("the completion is kept").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null"
                        + " and serialized_event like ?").param(ofThisLearner).query(Long.class).single() == 1);

        outstanding.resubmitIncompletePublications(publication -> publication.getEvent().equals(completed));

        await().atMost(Duration.ofSeconds(20)).until(() -> platform.scores.size() == 1);
        assertThat(platform.scores.getFirst().body()).contains("\"userId\":\"" + subject + "\"");
    }

    @Test
    void aScoreThePlatformRefusesForGoodIsNotSentAgain() throws Exception {
        String subject = "refused-" + UUID.randomUUID();
        launch(new HttpVisitor(port), subject, claims -> claims.claim(LaunchArrival.AGS_ENDPOINT, Map.of(
                "scope", List.of(LaunchArrival.SCORE_SCOPE), "lineitem", platform.lineitem())));
        platform.failureStatus = 404;
        platform.failingScores.set(1);
        CourseCompleted completed = new CourseCompleted(accountOf(subject), "test-course",
                Instant.parse("2026-06-02T10:00:00Z"));

        transactions.executeWithoutResult(status -> events.publishEvent(completed));

        String ofThisLearner = "%\"accountId\":" + completed.accountId() + ",%";
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from event_publication"
                + " where completion_date is null and serialized_event like ?").param(ofThisLearner)
                .query(Long.class).single() == 0);
        assertThat(platform.scoreAttempts.get()).isEqualTo(1);
        assertThat(platform.scores).isEmpty();
    }

    @Test
    void aScoreWhoseTokenRequestIsRefusedAsAnInvalidClientIsNotSentAgain() throws Exception {
        String subject = "invalid-client-" + UUID.randomUUID();
        launch(new HttpVisitor(port), subject, claims -> claims.claim(LaunchArrival.AGS_ENDPOINT, Map.of(
                "scope", List.of(LaunchArrival.SCORE_SCOPE), "lineitem", platform.lineitem())));
        platform.tokenError = "invalid_client";
        CourseCompleted completed = new CourseCompleted(accountOf(subject), "test-course",
                Instant.parse("2026-06-03T10:00:00Z"));

        transactions.executeWithoutResult(status -> events.publishEvent(completed));

        await().atMost(Duration.ofSeconds(20)).until(() -> platform.tokenRequests.size() == 1);
        String ofThisLearner = "%\"accountId\":" + completed.accountId() + ",%";
        await("the completion is not kept to retry").atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select count(*) from event_publication where completion_date is null and serialized_event like ?")
                .param(ofThisLearner).query(Long.class).single() == 0);
        assertThat(platform.scoreAttempts.get()).isZero();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void whatAPlatformAnswersIsNeverWrittenToTheLog(CapturedOutput log) throws Exception {
        String subject = "quiet-" + UUID.randomUUID();
        launch(new HttpVisitor(port), subject, claims -> claims.claim(LaunchArrival.AGS_ENDPOINT, Map.of(
                "scope", List.of(LaunchArrival.SCORE_SCOPE), "lineitem", platform.lineitem())));
        platform.failureBody = "{\"secret\":\"platform-page-" + subject + "\"}";
        platform.failingScores.set(1);

        transactions.executeWithoutResult(status -> events.publishEvent(new CourseCompleted(accountOf(subject),
                "test-course", Instant.parse("2026-06-04T10:00:00Z"))));

        await().atMost(Duration.ofSeconds(20)).until(() -> log.getAll().contains("kept to retry"));
        assertThat(log.getAll()).doesNotContain("platform-page-" + subject);
    }

    @Test
    void twoFirstLaunchesAtTheSameMomentMakeOneAccount() throws Exception {
        String subject = "parallel-" + UUID.randomUUID();
        List<HttpVisitor> browsers = List.of(new HttpVisitor(port), new HttpVisitor(port), new HttpVisitor(port));
        List<String[]> launches = new java.util.ArrayList<>();
        for (HttpVisitor browser : browsers) {
            Map<String, String> request = initiate(browser, platform.issuer, COURSE);
            launches.add(new String[] {platform.sign(platform.launchClaims(subject, request.get("nonce"), COURSE)
                    .build()), request.get("state")});
        }
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < browsers.size(); i++) {
            HttpVisitor browser = browsers.get(i);
            String[] launch = launches.get(i);
            sent.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> post(browser, launch[0], launch[1])));
        }
        for (var response : sent) {
            assertThat(HttpVisitor.location(response.get())).isEqualTo("/courses/test-course");
        }
        assertThat(jdbc.sql("select count(*) from lti_link where issuer = ? and subject = ?")
                .params(platform.issuer, subject).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from account where full_name = ?").param("Launched Learner " + subject)
                .query(Long.class).single()).as("no account left without its link").isEqualTo(1);
    }

    @Test
    void theRefusalIsToldInSpanishToASpanishReader() {
        HttpResponse<String> refused = new HttpVisitor(port).get("/lti/login_initiation?iss=https://x.example.org",
                "Accept-Language", "es");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Se rechaz", "no est\u00e1 registrado en IMR Platform");
    }

    @Test
    void claimsOfTheWrongKindAreRefusedWithoutAServerError() throws Exception {
        assertRefused(launch(new HttpVisitor(port), "kind", claims -> claims.issuer("not an address")),
                "missing something LTI 1.3 requires");
        assertRefused(launch(new HttpVisitor(port), "kind", claims -> claims.claim(
                "https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiSubmissionReviewRequest")),
                "missing something LTI 1.3 requires");
        assertRefused(launch(new HttpVisitor(port), "kind", claims -> claims.claim(
                "https://purl.imsglobal.org/spec/lti/claim/version", "1.1")), "missing something LTI 1.3 requires");
        assertRefused(launch(new HttpVisitor(port), "kind", claims -> claims.subject(null)),
                "missing something LTI 1.3 requires");
    }

    @Test
    void aDeepLinkingRequestThatCannotTakeALinkOrHasNoReturnAddressIsRefused() throws Exception {
        for (Map<String, Object> settings : List.<Map<String, Object>>of(
                Map.of("deep_link_return_url", platform.base() + "/return", "accept_types", List.of("html")),
                Map.of("accept_types", List.of("ltiResourceLink")),
                Map.of("deep_link_return_url", "http://elsewhere.example.org/return",
                        "accept_types", List.of("ltiResourceLink")))) {
            assertRefused(launch(new HttpVisitor(port), "placing", claims -> claims
                    .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiDeepLinkingRequest")
                    .claim("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", settings)),
                    "missing something LTI 1.3 requires");
        }
    }

    @Test
    void aTeacherPlacesACourseByDeepLinkingAndTheAnswerVerifiesWithTheToolKey() throws Exception {
        HttpVisitor teacher = new HttpVisitor(port);
        String returnUrl = platform.base() + "/deep-link-return";
        HttpResponse<String> launched = launch(teacher, "teacher-" + UUID.randomUUID(), claims -> claims
                .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiDeepLinkingRequest")
                .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", SITE + "/lti/deep-linking")
                .claim("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", Map.of(
                        "deep_link_return_url", returnUrl, "data", "platform-data",
                        "accept_types", List.of("ltiResourceLink"))));
        String choices = HttpVisitor.location(launched);
        assertThat(choices).startsWith("/lti/deep-linking/");
        assertThat(teacher.get(choices).body()).contains("Choose what to place in your course");
        HttpVisitor someoneElse = new HttpVisitor(port);
        assertThat(someoneElse.get(choices).statusCode()).as("the choice page is the teacher's browser's only")
                .isEqualTo(404);
        assertThat(someoneElse.submit("/login", choices, "choice", "test-course").statusCode())
                .as("nor can another browser answer it").isEqualTo(404);

        HttpResponse<String> nothingChosen = teacher.submit(choices, choices);
        assertThat(nothingChosen.statusCode()).isEqualTo(400);
        assertThat(nothingChosen.body()).contains("Choose a course or a module.");

        HttpResponse<String> answer = teacher.submit(choices, choices, "choice", "test-course");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("action=\"" + returnUrl + "\"").doesNotContain("_csrf");
        assertThat(answer.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("form-action 'self' " + platform.base());
        Matcher jwt = Pattern.compile("name=\"JWT\" value=\"([^\"]+)\"").matcher(answer.body());
        assertThat(jwt.find()).isTrue();
        SignedJWT response = SignedJWT.parse(jwt.group(1));
        RSAKey toolKey = JWKSet.parse(new HttpVisitor(port).get("/lti/jwks").body()).getKeys().getFirst().toRSAKey();
        assertThat(response.getHeader().getKeyID()).isEqualTo(toolKey.getKeyID());
        assertThat(response.verify(new RSASSAVerifier(toolKey))).isTrue();
        JWTClaimsSet claims = response.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(platform.clientId);
        assertThat(claims.getAudience()).containsExactly(platform.issuer);
        assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/message_type"))
                .isEqualTo("LtiDeepLinkingResponse");
        assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/deployment_id"))
                .isEqualTo(platform.deploymentId);
        assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data")).isEqualTo("platform-data");
        assertThat(claims.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items").toString())
                .contains("ltiResourceLink", COURSE);

        assertThat(teacher.get(choices).statusCode()).as("a request is answered once").isEqualTo(404);
    }
}
