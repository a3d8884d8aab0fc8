package org.imrplatform.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What each kind of person finds in the header (the faces their roles let them use, the current one marked) and on
 * each face's home page (only what they may open, each with a line saying what it is for), and that the homes of
 * faces someone may not use stay closed to them.
 */
@PlatformTest
class FaceNavigationTest {

    private static final List<String> ANONYMOUS_TOOLS = List.of("Español", "Sign in", "Create an account");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Cookie learner;
    private Cookie facilitator;
    private long facilitatorId;
    private Cookie reviewer;
    private Cookie administrator;

    @BeforeEach
    void people() throws Exception {
        learner = Learners.register(mvc, "faces.learner." + UUID.randomUUID() + "@example.org");
        String facilitatorEmail = "faces.facilitator." + UUID.randomUUID() + "@example.org";
        facilitator = Learners.withRoles(mvc, jdbc, facilitatorEmail, "Faces Facilitator", "FACILITATOR");
        facilitatorId = jdbc.sql("select id from account where email_key = ?")
                .param(facilitatorEmail.toLowerCase(Locale.ROOT)).query(Long.class).single();
        reviewer = Learners.withRoles(mvc, jdbc, "faces.reviewer." + UUID.randomUUID() + "@example.org",
                "Faces Reviewer", "REVIEWER");
        administrator = Learners.administrator(mvc);
    }

    @Test
    void theHeaderShowsTheFacesEachPersonCanUse() throws Exception {
        assertThat(faceNames(page("/", null))).containsExactly("Learn");
        assertThat(faceNames(page("/", learner))).containsExactly("Learn");
        assertThat(faceNames(page("/", facilitator))).containsExactly("Learn", "Practice");
        assertThat(faceNames(page("/", reviewer))).containsExactly("Learn", "Practice");
        assertThat(faceNames(page("/", administrator))).containsExactly("Learn", "Practice", "Evaluate",
                "Administration");
        assertThat(page("/", administrator).faces()).extracting(Rendered.Link::href)
                .containsExactly("/home/learn", "/home/practice", "/home/evaluate", "/home/administration");
    }

    @Test
    void theHeaderKeepsLanguageAccountAndSigningInOrOut() throws Exception {
        assertThat(page("/", null).tools()).containsExactlyElementsOf(ANONYMOUS_TOOLS);
        assertThat(page("/", administrator).tools())
                .containsExactly("Español", "Your account: admin@example.org", "Sign out");
        assertThat(page("/", learner).tools()).hasSize(3).contains("Sign out").doesNotContain("Sign in");
        assertThat(spanish("/home/learn", null).tools()).containsExactly("English", "Iniciar sesión",
                "Crear una cuenta");
        assertThat(spanish("/home/learn", null).faces()).extracting(Rendered.Link::text).containsExactly("Aprender");
    }

    @Test
    void theCurrentFaceIsMarked() throws Exception {
        assertCurrent("/home/evaluate", "Evaluate", "page");
        assertCurrent("/admin/events", "Evaluate", "true");
        assertCurrent("/admin/outcomes", "Evaluate", "true");
        assertCurrent("/admin/knowledge-gain", "Evaluate", "true");
        assertCurrent("/home/practice", "Practice", "page");
        assertCurrent("/practice", "Practice", "true");
        assertCurrent("/admin/programs", "Practice", "true");
        assertCurrent("/admin/audit", "Practice", "true");
        assertCurrent("/home/administration", "Administration", "page");
        assertCurrent("/admin/users", "Administration", "true");
        assertCurrent("/admin/courses", "Administration", "true");
        assertCurrent("/home/learn", "Learn", "page");
        assertCurrent("/", "Learn", "true");
        assertCurrent("/courses/test-course", "Learn", "true");
        assertCurrent("/my-learning", "Learn", "true");
        assertCurrent("/account/password", null, null);
    }

    private void assertCurrent(String path, String face, String value) throws Exception {
        List<Rendered.Link> marked = page(path, administrator).faces().stream()
                .filter(link -> link.ariaCurrent() != null).toList();
        if (face == null) {
            assertThat(marked).as(path).isEmpty();
        } else {
            assertThat(marked).as(path).extracting(Rendered.Link::text, Rendered.Link::ariaCurrent)
                    .containsExactly(tuple(face, value));
        }
    }

    @Test
    void everyPageBelongsToAFaceButSigningInAndOnesOwnAccount() {
        Set<String> faceless = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
                info.getPatternValues().stream()
                        .filter(pattern -> Face.of(pattern.replaceAll("\\{[^}]*}", "x")).isEmpty())
                        .forEach(faceless::add);
            }
        });
        assertThat(faceless).as("GET routes whose header marks no face; give new pages a face in Face")
                .containsExactlyInAnyOrder("/register", "/password-reset", "/password-reset/{token}",
                        "/password-reset/new", "/account/password", "/error",
                        // Not a page: the site's icon.
                        "/favicon.ico",
                        // A learning system's launch: its key, its sign-in steps, the page that refuses a launch and
                        // the teacher's choice of what to place, all reached from the learning system, not the header.
                        "/lti/jwks", "/lti/login", "/lti/login_initiation", "/lti/login_initiation/{registrationId}",
                        "/lti/refused", "/lti/deep-linking/{id}");
    }

    @Test
    void theLearnHomeListsWhatVisitorsAndLearnersCanDo() throws Exception {
        Rendered visitor = page("/home/learn", null);
        assertThat(visitor.heading()).isEqualTo("Learn");
        assertThat(visitor.faceLinks()).containsExactly(
                "Courses → /: Browse the courses and open any module; sign in to keep your place.",
                "Create an account → /register: Keep your place on any device, take the knowledge tests and earn a"
                        + " certificate.",
                "Verify a certificate → /certificates/verify: Check that a certificate of completion is genuine,"
                        + " with the code printed on it.");
        assertOpens(visitor, null);

        Rendered signedIn = page("/home/learn", learner);
        assertThat(signedIn.faceLinks()).containsExactly(
                "Courses → /: Browse the courses and open any module; sign in to keep your place.",
                "My learning → /my-learning: Pick up where you left off, see what you have completed and get your"
                        + " certificates.",
                "Verify a certificate → /certificates/verify: Check that a certificate of completion is genuine,"
                        + " with the code printed on it.");
        assertOpens(signedIn, learner);
    }

    @Test
    void thePracticeHomeListsWhatEachRoleCanDoThere() throws Exception {
        Rendered forFacilitator = page("/home/practice", facilitator);
        assertThat(forFacilitator.heading()).isEqualTo("Practice");
        assertThat(forFacilitator.faceLinks()).containsExactly(
                "Fidelity reviews → /practice: Read the feedback reports on the sessions and programs you lead.",
                "IMR groups → /practice/groups: Keep the participants of the groups you lead: add them, record"
                        + " their consent, move them, mark them finished.",
                "My session reviews over time → /practice/facilitators/" + facilitatorId + "/history: How the"
                        + " reviews of your sessions have changed from one review to the next.",
                "My whole picture → /practice/facilitators/" + facilitatorId + "/overview: Your training, the"
                        + " fidelity of your sessions and programs over time, and your groups, on one page.");
        assertOpens(forFacilitator, facilitator);

        Rendered forReviewer = page("/home/practice", reviewer);
        assertThat(forReviewer.faceLinks()).containsExactly("Fidelity reviews → /practice: Review a program on the"
                + " IMR Fidelity Scale or a session on the IT-IS, and read the feedback reports.");
        assertOpens(forReviewer, reviewer);

        Rendered forAdministrator = page("/home/practice", administrator);
        assertThat(forAdministrator.faceLinks()).containsExactly(
                "Fidelity reviews → /practice: Review a program on the IMR Fidelity Scale or a session on the IT-IS,"
                        + " and read the feedback reports.",
                "IMR groups → /practice/groups: Keep the participants of the groups you lead: add them, record"
                        + " their consent, move them, mark them finished.",
                "Sites, programs and groups → /admin/programs: Record sites, their IMR programs and groups, and the"
                        + " facilitators who lead each group.",
                "Sites compared → /admin/fidelity/sites: Compare each site's latest reviews, item by item.",
                "Review audit log → /admin/audit: See who opened, changed or downloaded each review, and check that"
                        + " the log is intact.");
        assertOpens(forAdministrator, administrator);
    }

    @Test
    void theEvaluateAndAdministrationHomesListTheAdministratorsTools() throws Exception {
        Rendered evaluate = page("/home/evaluate", administrator);
        assertThat(evaluate.heading()).isEqualTo("Evaluate");
        assertThat(evaluate.faceLinks()).containsExactly(
                "Events → /admin/events: Record trainings and webinars, and import their attendance and post-event"
                        + " surveys.",
                "Needs assessment → /admin/needs-assessments: Import the results of a needs assessment, area by"
                        + " area.",
                "Products → /admin/products: Keep the catalog of the center's products.",
                "Outcomes → /admin/outcomes: See the center's figures for any period and area of focus, download"
                        + " them or print a one-page summary.",
                "Voices from the field → /admin/outcomes/voices: Choose which comments from evaluations and surveys"
                        + " appear on the area page.",
                "Public pages of the areas of focus → /admin/areas: Describe each area of focus for the public, with"
                        + " its outcomes, products and events.",
                "Knowledge gain → /admin/knowledge-gain: What learners gained on each course's knowledge test,"
                        + " overall and question by question.");
        assertOpens(evaluate, administrator);

        Rendered administration = page("/home/administration", administrator);
        assertThat(administration.heading()).isEqualTo("Administration");
        assertThat(administration.faceLinks()).containsExactly(
                "Course packages → /admin/courses: Upload course packages, which are checked before they go live,"
                        + " and choose the version learners see.",
                "People → /admin/users: Invite people, give them roles and switch accounts off or on.",
                "Learning records → /admin/learning-records: Whether learners' actions reach the center's learning"
                        + " record store, what is waiting and what it refused.",
                "Learning systems (LTI) → /admin/lti: Let a learning system (Moodle, Canvas) launch courses, sign"
                        + " learners in and receive completions.");
        assertOpens(administration, administrator);
    }

    @Test
    void faceHomesSpeakSpanish() throws Exception {
        Rendered evaluate = spanish("/home/evaluate", administrator);
        assertThat(evaluate.heading()).isEqualTo("Evaluar");
        assertThat(evaluate.faces()).extracting(Rendered.Link::text)
                .containsExactly("Aprender", "Practicar", "Evaluar", "Administración");
        assertThat(evaluate.faceLinks()).contains("Productos → /admin/products: Mantenga el catálogo de productos"
                + " del centro.");
        assertThat(spanish("/home/practice", facilitator).faceLinks().getFirst())
                .startsWith("Revisiones de fidelidad → /practice: Lea los informes");
    }

    @Test
    void visitorsAreSentToSignInAndOthersRefusedFacesTheyCannotUse() throws Exception {
        for (String home : List.of("/home/practice", "/home/evaluate", "/home/administration")) {
            MockHttpServletResponse response = mvc.perform(get(home)).andReturn().getResponse();
            assertThat(response.getStatus()).as(home + " for a visitor").isEqualTo(302);
            assertThat(response.getRedirectedUrl()).as(home + " for a visitor").isEqualTo("/login");
            assertThat(status(home, learner)).as(home + " for a learner").isEqualTo(403);
        }
        for (Cookie practitioner : List.of(facilitator, reviewer)) {
            assertThat(status("/home/practice", practitioner)).isEqualTo(200);
            assertThat(status("/home/evaluate", practitioner)).isEqualTo(403);
            assertThat(status("/home/administration", practitioner)).isEqualTo(403);
        }
        assertThat(status("/home/learn", null)).isEqualTo(200);
    }

    @Test
    void theFooterLinksTheAreaPagesAndCertificateVerification() throws Exception {
        for (Cookie who : new Cookie[] {null, learner, administrator}) {
            assertThat(page("/", who).footerLinks()).containsExactly(
                    new Rendered.Link("What the center does, area by area", "/areas", null),
                    new Rendered.Link("Verify a certificate", "/certificates/verify", null));
        }
        assertThat(spanish("/courses/test-course", null).footerLinks()).extracting(Rendered.Link::text)
                .containsExactly("Lo que hace el centro, área por área", "Verificar un certificado");
    }

    /** Every link of a face's home opens for the person it was shown to. */
    private void assertOpens(Rendered home, Cookie who) throws Exception {
        for (String entry : home.faceLinks()) {
            String href = entry.substring(entry.indexOf("→ ") + 2, entry.indexOf(": "));
            assertThat(status(href, who)).as(entry).isEqualTo(200);
        }
    }

    private List<String> faceNames(Rendered page) {
        return page.faces().stream().map(Rendered.Link::text).toList();
    }

    private Rendered page(String path, Cookie who) throws Exception {
        return render(get(path).header("Accept-Language", "en"), path, who);
    }

    private Rendered spanish(String path, Cookie who) throws Exception {
        return render(get(path).header("Accept-Language", "es"), path, who);
    }

    private Rendered render(MockHttpServletRequestBuilder request, String path, Cookie who) throws Exception {
        if (who != null) {
            request.cookie(who);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return new Rendered(response.getContentAsString());
    }

    private int status(String path, Cookie who) throws Exception {
        MockHttpServletRequestBuilder request = get(path);
        if (who != null) {
            request.cookie(who);
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}
