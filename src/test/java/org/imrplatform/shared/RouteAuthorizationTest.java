package org.imrplatform.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the application, who may reach it, checked as a visitor, a learner, a facilitator, a reviewer and
 * an administrator. A new
 * route fails this test until it is given its rule here, so no page goes out with access left to chance.
 */
@PlatformTest
class RouteAuthorizationTest {

    /**
     * PRACTICE: facilitators, reviewers and administrators; REVIEWER: reviewers and administrators; GROUPS (the
     * participants of IMR groups): facilitators and administrators.
     */
    enum Access { PUBLIC, SIGNED_IN, PRACTICE, REVIEWER, GROUPS, ADMINISTRATOR }

    /** Route (method and pattern) to who may use it, and a concrete address to try it with. */
    /** A participant public id shaped like a real one that names nobody. */
    private static final String NO_ONE = "AAAAAAAAAAAAAAAAAAAAAA";

    private static final Map<String, Object[]> ROUTES = new TreeMap<>(Map.ofEntries(
            route("GET /", Access.PUBLIC, "/"),
            route("GET /courses/{courseId}", Access.PUBLIC, "/courses/test-course"),
            route("GET /courses/{courseId}/modules/{moduleId}", Access.PUBLIC, "/courses/test-course/modules/basics"),
            route("GET /courses/{courseId}/modules/{moduleId}/transcript", Access.PUBLIC,
                    "/courses/test-course/modules/basics/transcript"),
            route("GET /courses/{courseId}/modules/{moduleId}/slides/{slideId}", Access.PUBLIC,
                    "/courses/test-course/modules/basics/slides/welcome"),
            route("GET /courses/{courseId}/modules/{moduleId}/slides/{slideId}/answers", Access.PUBLIC,
                    "/courses/test-course/modules/basics/slides/check/answers"),
            route("POST /courses/{courseId}/modules/{moduleId}/slides/{slideId}/answers", Access.PUBLIC,
                    "/courses/test-course/modules/basics/slides/check/answers"),
            route("GET /courses/{courseId}/assets/{checksum}/**", Access.PUBLIC,
                    "/courses/test-course/assets/0000/images/wheel.svg"),
            route("GET /register", Access.PUBLIC, "/register"),
            route("POST /register", Access.PUBLIC, "/register"),
            route("GET /password-reset", Access.PUBLIC, "/password-reset"),
            route("POST /password-reset", Access.PUBLIC, "/password-reset"),
            route("GET /password-reset/{token}", Access.PUBLIC, "/password-reset/not-a-token"),
            route("GET /password-reset/new", Access.PUBLIC, "/password-reset/new"),
            route("POST /password-reset/new", Access.PUBLIC, "/password-reset/new"),
            route("GET /certificates/verify", Access.PUBLIC, "/certificates/verify"),
            route("GET /favicon.ico", Access.PUBLIC, "/favicon.ico"),
            route("GET /courses/{courseId}/evaluation", Access.SIGNED_IN, "/courses/test-course/evaluation"),
            route("POST /courses/{courseId}/evaluation", Access.SIGNED_IN, "/courses/test-course/evaluation"),
            route("GET /my-learning", Access.SIGNED_IN, "/my-learning"),
            route("GET /account/password", Access.SIGNED_IN, "/account/password"),
            route("POST /account/password", Access.SIGNED_IN, "/account/password"),
            route("GET /courses/{courseId}/knowledge-test/{phase}", Access.SIGNED_IN,
                    "/courses/test-course/knowledge-test/before"),
            route("POST /courses/{courseId}/knowledge-test/{phase}", Access.SIGNED_IN,
                    "/courses/test-course/knowledge-test/before"),
            route("GET /admin/knowledge-gain", Access.ADMINISTRATOR, "/admin/knowledge-gain"),
            route("GET /admin/events", Access.ADMINISTRATOR, "/admin/events"),
            route("GET /admin/outcomes", Access.ADMINISTRATOR, "/admin/outcomes"),
            route("GET /areas", Access.PUBLIC, "/areas"),
            route("GET /areas/{slug}", Access.PUBLIC, "/areas/imr"),
            route("GET /areas/{slug}/summary.pdf", Access.PUBLIC, "/areas/imr/summary.pdf"),
            route("GET /admin/areas", Access.ADMINISTRATOR, "/admin/areas"),
            route("POST /admin/areas", Access.ADMINISTRATOR, "/admin/areas"),
            route("GET /admin/areas/{slug}", Access.ADMINISTRATOR, "/admin/areas/imr"),
            route("POST /admin/areas/{slug}", Access.ADMINISTRATOR, "/admin/areas/imr"),
            route("GET /admin/products", Access.ADMINISTRATOR, "/admin/products"),
            route("GET /admin/needs-assessments", Access.ADMINISTRATOR, "/admin/needs-assessments"),
            route("POST /admin/needs-assessments", Access.ADMINISTRATOR, "/admin/needs-assessments"),
            route("POST /admin/needs-assessments/preview", Access.ADMINISTRATOR, "/admin/needs-assessments/preview"),
            route("POST /admin/products", Access.ADMINISTRATOR, "/admin/products"),
            route("GET /admin/outcomes/export.csv", Access.ADMINISTRATOR, "/admin/outcomes/export.csv"),
            route("GET /admin/outcomes/export.xlsx", Access.ADMINISTRATOR, "/admin/outcomes/export.xlsx"),
            route("GET /admin/outcomes/summary.pdf", Access.ADMINISTRATOR, "/admin/outcomes/summary.pdf"),
            route("GET /admin/outcomes/voices", Access.ADMINISTRATOR, "/admin/outcomes/voices"),
            route("POST /admin/outcomes/voices/publish", Access.ADMINISTRATOR, "/admin/outcomes/voices/publish"),
            route("POST /admin/outcomes/voices/unpublish", Access.ADMINISTRATOR, "/admin/outcomes/voices/unpublish"),
            route("POST /admin/events", Access.ADMINISTRATOR, "/admin/events"),
            route("GET /admin/events/{id}", Access.ADMINISTRATOR, "/admin/events/999999"),
            route("POST /admin/events/{id}/{kind:attendance|surveys}/preview", Access.ADMINISTRATOR,
                    "/admin/events/999999/surveys/preview"),
            route("POST /admin/events/{id}/{kind:attendance|surveys}", Access.ADMINISTRATOR,
                    "/admin/events/999999/attendance"),
            route("GET /my-learning/certificates/{courseId}", Access.SIGNED_IN, "/my-learning/certificates/test-course"),
            route("GET /my-learning/certificates/{courseId}.pdf", Access.SIGNED_IN,
                    "/my-learning/certificates/test-course.pdf"),
            route("GET /admin/courses", Access.ADMINISTRATOR, "/admin/courses"),
            route("POST /admin/courses/upload", Access.ADMINISTRATOR, "/admin/courses/upload"),
            route("POST /admin/courses/{courseId}/versions/{number}/current", Access.ADMINISTRATOR,
                    "/admin/courses/test-course/versions/1/current"),
            // LTI 1.3: registrations of learning systems, the launch's addresses, deep linking
            route("GET /admin/lti", Access.ADMINISTRATOR, "/admin/lti"),
            route("POST /admin/lti", Access.ADMINISTRATOR, "/admin/lti"),
            route("POST /admin/lti/{id}/removal", Access.ADMINISTRATOR, "/admin/lti/999999/removal"),
            route("GET /lti/jwks", Access.PUBLIC, "/lti/jwks"),
            route("GET /lti/login", Access.PUBLIC, "/lti/login"),
            route("GET /lti/login_initiation", Access.PUBLIC, "/lti/login_initiation"),
            route("POST /lti/login_initiation", Access.PUBLIC, "/lti/login_initiation"),
            route("GET /lti/login_initiation/{registrationId}", Access.PUBLIC, "/lti/login_initiation/999999"),
            route("POST /lti/login_initiation/{registrationId}", Access.PUBLIC, "/lti/login_initiation/999999"),
            route("GET /lti/refused", Access.PUBLIC, "/lti/refused"),
            route("POST /lti/refused", Access.PUBLIC, "/lti/refused"),
            route("GET /lti/deep-linking/{id}", Access.PUBLIC, "/lti/deep-linking/no-such-request"),
            route("POST /lti/deep-linking/{id}", Access.PUBLIC, "/lti/deep-linking/no-such-request"),
            route("GET /admin/users", Access.ADMINISTRATOR, "/admin/users"),
            route("GET /admin/users/invite", Access.ADMINISTRATOR, "/admin/users/invite"),
            route("POST /admin/users/invite", Access.ADMINISTRATOR, "/admin/users/invite"),
            route("POST /admin/users/{id}/enabled", Access.ADMINISTRATOR, "/admin/users/999999/enabled"),
            route("POST /admin/users/{id}/roles", Access.ADMINISTRATOR, "/admin/users/999999/roles"),
            // Practice: programs and fidelity reviews
            route("GET /admin/programs", Access.ADMINISTRATOR, "/admin/programs"),
            route("POST /admin/programs/sites", Access.ADMINISTRATOR, "/admin/programs/sites"),
            route("POST /admin/programs/programs", Access.ADMINISTRATOR, "/admin/programs/programs"),
            route("POST /admin/programs/groups", Access.ADMINISTRATOR, "/admin/programs/groups"),
            route("POST /admin/programs/facilitators", Access.ADMINISTRATOR, "/admin/programs/facilitators"),
            route("POST /admin/programs/facilitators/remove", Access.ADMINISTRATOR,
                    "/admin/programs/facilitators/remove?groupId=999999&accountId=999999"),
            route("GET /admin/audit", Access.ADMINISTRATOR, "/admin/audit"),
            route("GET /admin/audit/check", Access.ADMINISTRATOR, "/admin/audit/check"),
            route("GET /practice", Access.PRACTICE, "/practice"),
            route("GET /practice/reviews/new", Access.REVIEWER, "/practice/reviews/new?instrument=it-is"),
            route("POST /practice/reviews", Access.REVIEWER, "/practice/reviews?instrument=it-is"),
            route("GET /practice/reviews/{id}", Access.PRACTICE, "/practice/reviews/999999"),
            route("POST /practice/reviews/{id}", Access.REVIEWER, "/practice/reviews/999999"),
            route("POST /practice/reviews/{id}/revision", Access.REVIEWER, "/practice/reviews/999999/revision"),
            route("GET /practice/reviews/{id}/report.pdf", Access.PRACTICE, "/practice/reviews/999999/report.pdf"),
            route("GET /practice/programs/{id}/history", Access.PRACTICE, "/practice/programs/999999/history"),
            route("GET /practice/facilitators/{id}/history", Access.PRACTICE,
                    "/practice/facilitators/999999/history"),
            route("GET /admin/fidelity/sites", Access.ADMINISTRATOR, "/admin/fidelity/sites"),
            route("GET /practice/facilitators/{id}/overview", Access.PRACTICE,
                    "/practice/facilitators/999999/overview"),
            route("GET /practice/programs/{id}/overview", Access.PRACTICE, "/practice/programs/999999/overview"),
            // Participants of IMR groups
            route("GET /practice/groups", Access.GROUPS, "/practice/groups"),
            route("GET /practice/groups/{groupId}/participants", Access.GROUPS, "/practice/groups/999999/participants"),
            route("POST /practice/groups/{groupId}/participants", Access.GROUPS,
                    "/practice/groups/999999/participants"),
            route("GET /practice/participants/{publicId}", Access.GROUPS, "/practice/participants/" + NO_ONE),
            route("POST /practice/participants/{publicId}/ending", Access.GROUPS,
                    "/practice/participants/" + NO_ONE + "/ending"),
            route("POST /practice/participants/{publicId}/move", Access.GROUPS,
                    "/practice/participants/" + NO_ONE + "/move"),
            route("GET /practice/participants/{publicId}/record.pdf", Access.GROUPS,
                    "/practice/participants/" + NO_ONE + "/record.pdf"),
            route("GET /practice/participants/{publicId}/record.json", Access.GROUPS,
                    "/practice/participants/" + NO_ONE + "/record.json"),
            route("POST /practice/participants/{publicId}/erasure", Access.GROUPS,
                    "/practice/participants/" + NO_ONE + "/erasure"),
            // Recovery goals
            route("GET /practice/participants/{publicId}/goals", Access.GROUPS,
                    "/practice/participants/" + NO_ONE + "/goals"),
            route("POST /practice/participants/{publicId}/goals", Access.GROUPS,
                    "/practice/participants/" + NO_ONE + "/goals"),
            route("POST /practice/participants/{publicId}/goals/short-term", Access.GROUPS,
                    "/practice/participants/" + NO_ONE + "/goals/short-term"),
            route("POST /practice/participants/{publicId}/goals/steps", Access.GROUPS,
                    "/practice/participants/" + NO_ONE + "/goals/steps"),
            route("POST /practice/participants/{publicId}/goals/follow-ups", Access.GROUPS,
                    "/practice/participants/" + NO_ONE + "/goals/follow-ups"),
            route("GET /practice/participants/{publicId}/goals/sheet.pdf", Access.GROUPS,
                    "/practice/participants/" + NO_ONE + "/goals/sheet.pdf"),
            // Relapse prevention plans
            route("GET /practice/participants/{publicId}/plan", Access.GROUPS,
                    "/practice/participants/" + NO_ONE + "/plan"),
            route("POST /practice/participants/{publicId}/plan", Access.GROUPS,
                    "/practice/participants/" + NO_ONE + "/plan"),
            route("GET /practice/participants/{publicId}/plan/versions/{number}", Access.GROUPS,
                    "/practice/participants/" + NO_ONE + "/plan/versions/1"),
            route("GET /practice/participants/{publicId}/plan.pdf", Access.GROUPS,
                    "/practice/participants/" + NO_ONE + "/plan.pdf?language=es"),
            // The participant's workbook
            route("GET /practice/participants/{publicId}/workbook.pdf", Access.GROUPS,
                    "/practice/participants/" + NO_ONE + "/workbook.pdf?language=es"),
            // The IMR Scale
            route("GET /practice/groups/{groupId}/imrs", Access.GROUPS, "/practice/groups/999999/imrs"),
            route("GET /practice/participants/{publicId}/imrs", Access.GROUPS,
                    "/practice/participants/" + NO_ONE + "/imrs"),
            route("POST /practice/participants/{publicId}/imrs", Access.GROUPS,
                    "/practice/participants/" + NO_ONE + "/imrs"),
            // Sessions of IMR groups
            route("GET /practice/groups/{groupId}", Access.GROUPS, "/practice/groups/999999"),
            route("GET /practice/groups/{groupId}/sessions/new", Access.GROUPS,
                    "/practice/groups/999999/sessions/new"),
            route("POST /practice/groups/{groupId}/sessions", Access.GROUPS, "/practice/groups/999999/sessions"),
            route("GET /practice/groups/{groupId}/sessions/{sessionId}", Access.GROUPS,
                    "/practice/groups/999999/sessions/999999"),
            route("POST /practice/groups/{groupId}/sessions/{sessionId}", Access.GROUPS,
                    "/practice/groups/999999/sessions/999999"),
            // The faces' home pages
            route("GET /home/learn", Access.PUBLIC, "/home/learn"),
            route("GET /home/practice", Access.PRACTICE, "/home/practice"),
            route("GET /home/evaluate", Access.ADMINISTRATOR, "/home/evaluate"),
            route("GET /home/administration", Access.ADMINISTRATOR, "/home/administration"),
            // xAPI learning records
            route("GET /admin/learning-records", Access.ADMINISTRATOR, "/admin/learning-records"),
            route("POST /admin/learning-records/send-again", Access.ADMINISTRATOR,
                    "/admin/learning-records/send-again"),
            // LMS packages
            route("GET /admin/courses/{courseId}/versions/{number}/scorm12.zip", Access.ADMINISTRATOR,
                    "/admin/courses/test-course/versions/1/scorm12.zip"),
            route("GET /admin/courses/{courseId}/versions/{number}/cmi5.zip", Access.ADMINISTRATOR,
                    "/admin/courses/test-course/versions/1/cmi5.zip")));

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    private Cookie learner;
    private Cookie facilitator;
    private Cookie reviewer;
    private Cookie administrator;

    private static Map.Entry<String, Object[]> route(String route, Access access, String address) {
        return Map.entry(route, new Object[] {access, address});
    }

    @BeforeEach
    void signIn() throws Exception {
        learner = Learners.register(mvc, "route.learner." + UUID.randomUUID() + "@example.org");
        administrator = Learners.administrator(mvc);
        facilitator = Learners.withRoles(mvc, jdbc, "route.facilitator." + UUID.randomUUID() + "@example.org",
                "Route Facilitator", "FACILITATOR");
        reviewer = Learners.withRoles(mvc, jdbc, "route.reviewer." + UUID.randomUUID() + "@example.org",
                "Route Reviewer", "REVIEWER");
    }

    @Test
    void everyRouteHasAnAccessRule() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern ->
                info.getMethodsCondition().getMethods().forEach(method -> routes.add(method + " " + pattern))));
        assertThat(routes).as("routes of the application; give each new one a rule in ROUTES")
                .containsExactlyInAnyOrderElementsOf(ROUTES.keySet());
    }

    @Test
    void visitorsReachOnlyPublicRoutes() throws Exception {
        for (var route : ROUTES.entrySet()) {
            MockHttpServletResponse response = call(route.getKey(), (String) route.getValue()[1], null);
            boolean sentToSignIn = isSentToSignIn(response);
            assertThat(sentToSignIn).as(route.getKey() + " for a visitor")
                    .isEqualTo(route.getValue()[0] != Access.PUBLIC);
        }
    }

    @Test
    void learnersReachAllButPracticeAndAdministration() throws Exception {
        assertSignedInReach(learner, "a learner", Set.of(Access.PUBLIC, Access.SIGNED_IN));
    }

    @Test
    void facilitatorsAlsoReadPracticePages() throws Exception {
        assertSignedInReach(facilitator, "a facilitator",
                Set.of(Access.PUBLIC, Access.SIGNED_IN, Access.PRACTICE, Access.GROUPS));
    }

    @Test
    void reviewersAlsoChangeReviews() throws Exception {
        assertSignedInReach(reviewer, "a reviewer",
                Set.of(Access.PUBLIC, Access.SIGNED_IN, Access.PRACTICE, Access.REVIEWER));
    }

    /** A signed-in person is never sent to sign in, and is forbidden exactly the routes outside {@code allowed}. */
    private void assertSignedInReach(Cookie session, String who, Set<Access> allowed) throws Exception {
        for (var route : ROUTES.entrySet()) {
            MockHttpServletResponse response = call(route.getKey(), (String) route.getValue()[1], session);
            assertThat(isSentToSignIn(response)).as(route.getKey() + " for " + who).isFalse();
            assertThat(response.getStatus() == 403).as(route.getKey() + " forbidden for " + who)
                    .isEqualTo(!allowed.contains((Access) route.getValue()[0]));
        }
    }

    @Test
    void administratorsReachEverything() throws Exception {
        for (var route : ROUTES.entrySet()) {
            MockHttpServletResponse response = call(route.getKey(), (String) route.getValue()[1], administrator);
            assertThat(isSentToSignIn(response) || response.getStatus() == 403).as(route.getKey() + " for an admin")
                    .isFalse();
        }
    }

    /**
     * An address no page answers is "not found" for everyone, so a visitor who pastes a mistyped one is told so
     * instead of being asked to sign in. Under the prefixes of protected pages a visitor is sent to sign in whatever
     * the address, as for the real pages there, so which protected addresses exist is not told.
     */
    @Test
    void unknownAddressesAreNotFoundButProtectedPrefixesStillAskToSignIn() throws Exception {
        for (String unknown : List.of("/no-such-page", "/certificates/verify/more",
                "/courses/test-course/nothing/here", "/my-learnings", "/favicon.png", "/static/nothing.css",
                "/wp-login.php")) {
            for (Cookie session : Arrays.asList(null, learner, administrator)) {
                assertThat(call("GET " + unknown, unknown, session).getStatus())
                        .as(unknown + (session == null ? " for a visitor" : " signed in")).isEqualTo(404);
            }
        }
        for (String underProtected : List.of("/admin/no-such-page", "/practice/no-such-page",
                "/my-learning/no-such-page", "/account/no-such-page", "/home/no-such-page")) {
            assertThat(isSentToSignIn(call("GET " + underProtected, underProtected, null)))
                    .as(underProtected + " for a visitor").isTrue();
            MockHttpServletResponse signedIn = call("GET " + underProtected, underProtected, administrator);
            assertThat(signedIn.getStatus()).as(underProtected + " for an administrator").isEqualTo(404);
        }
    }

    private MockHttpServletResponse call(String route, String address, Cookie session) throws Exception {
        HttpMethod method = HttpMethod.valueOf(route.substring(0, route.indexOf(' ')));
        MockHttpServletRequestBuilder request = request(method, address);
        if (method == HttpMethod.POST) {
            request.with(csrf());
        }
        if (session != null) {
            request.cookie(session);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static boolean isSentToSignIn(MockHttpServletResponse response) {
        String location = response.getRedirectedUrl();
        return response.getStatus() == 401 || (location != null && location.endsWith("/login"));
    }
}
