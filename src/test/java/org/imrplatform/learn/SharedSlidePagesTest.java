package org.imrplatform.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imrplatform.support.HttpVisitor.location;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.imrplatform.ImrPlatformApplication;
import org.imrplatform.course.CourseCatalog;
import org.imrplatform.course.CourseVersion;
import org.imrplatform.course.packaging.CoursePackage;
import org.imrplatform.shared.SharedPages;
import org.imrplatform.support.HttpVisitor;
import org.imrplatform.support.PackageFiles;
import org.imrplatform.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Slide pages are rendered once and shared between readers with the same roles and language (SharedPages). What
 * belongs to one person (the name in the header, the sign-out form's token, their progress and answers) must never
 * reach another, and a new course version must replace the shared copies, on this node and on any other.
 */
@ServerTest
class SharedSlidePagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SEEN = Pattern.compile("(\\d+) of 8 slides seen");
    private static final String MODULE = "/courses/test-course/modules/basics";
    private static final String WELCOME = MODULE + "/slides/welcome";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CourseCatalog catalog;

    @Autowired
    SharedPages shared;

    private record Reader(String email, HttpVisitor browser) {
    }

    /** A new account with these roles, signed in (roles are read at sign-in). */
    private Reader reader(String name, String... roles) {
        HttpVisitor browser = new HttpVisitor(port);
        String email = name + "-" + UUID.randomUUID() + "@example.org";
        assertThat(location(browser.submit("/register", "/register", "email", email, "password",
                "a long enough passphrase", "fullName", "Reader " + name, "discipline", "COUNSELOR",
                "organization", "Test Org", "region", "NY"))).isEqualTo("/?welcome");
        long id = jdbc.sql("select id from account where email_key = ?").param(email.toLowerCase(Locale.ROOT))
                .query(Long.class).single();
        for (String role : roles) {
            jdbc.sql("insert into account_role (account_id, role) values (?, ?)").params(id, role).update();
        }
        browser.submit("/login", "/login", "username", email, "password", "a long enough passphrase");
        return new Reader(email, browser);
    }

    private static String token(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a form with a token").isTrue();
        return token.group(1);
    }

    @Test
    void readersNeverSeeEachOthersNameTokenRolesOrLanguage() {
        Reader ana = reader("ana");
        Reader beto = reader("beto");
        Reader fran = reader("fran", "FACILITATOR");
        HttpVisitor visitor = new HttpVisitor(port);
        beto.browser().get(WELCOME + "?lang=es");
        List<Reader> readers = List.of(ana, beto, fran);

        long kept = 0;
        for (int round = 0; round < 3; round++) {
            if (round == 2) {
                kept = shared.size();
            }
            for (Reader reader : readers) {
                String page = reader.browser().get(WELCOME).body();
                assertThat(page).contains("<span class=\"signed-in-as__name\">" + reader.email() + "</span>");
                readers.stream().filter(other -> other != reader)
                        .forEach(other -> assertThat(page).doesNotContain(other.email()));
                assertThat(page).doesNotContain("imr-reader-");
                assertThat(page.contains("href=\"/home/practice\"")).isEqualTo(reader == fran);
                assertThat(page).contains(reader == beto ? "<html lang=\"es\"" : "<html lang=\"en\"");
            }
            String page = visitor.get(WELCOME, "Cookie", "XSRF-TOKEN=mine").body();
            assertThat(page).contains(">Sign in<").doesNotContain("signed-in-as", "_csrf");
            readers.forEach(reader -> assertThat(page).doesNotContain(reader.email()));
        }
        // The third round was served from the copies the first two made, and so is a new learner with Ana's roles.
        assertThat(shared.size()).isEqualTo(kept);
        Reader dora = reader("dora");
        assertThat(dora.browser().get(WELCOME).body()).contains(dora.email()).doesNotContain(ana.email());
        assertThat(shared.size()).isEqualTo(kept);

        // Each page's sign-out token is its reader's own: another person's is refused.
        String anasToken = token(ana.browser().get(WELCOME).body());
        String betosToken = token(beto.browser().get(WELCOME).body());
        assertThat(signOut(ana.browser(), betosToken).statusCode()).isEqualTo(403);
        assertThat(ana.browser().get("/my-learning").statusCode()).isEqualTo(200);
        assertThat(location(signOut(ana.browser(), anasToken))).isEqualTo("/?signedOut");
        assertThat(location(ana.browser().get("/my-learning"))).isEqualTo("/login");
    }

    private static HttpResponse<String> signOut(HttpVisitor browser, String token) {
        return browser.post("/logout", "_csrf", token);
    }

    @Test
    void progressAndAnswersStayWithTheirLearner() {
        Reader ana = reader("ana");
        Reader beto = reader("beto");
        for (String slide : List.of("welcome", "objectives", "elements")) {
            assertThat(ana.browser().get(MODULE + "/slides/" + slide).statusCode()).isEqualTo(200);
        }
        assertThat(beto.browser().get(WELCOME).statusCode()).isEqualTo(200);
        assertThat(seen(ana)).isEqualTo(3);
        assertThat(seen(beto)).isEqualTo(1);

        ana.browser().submit(MODULE + "/slides/check", MODULE + "/slides/check/answers",
                "q-nonlinear", "1", "q-elements", "0", "q-elements", "1");
        assertThat(ana.browser().get(MODULE + "/slides/check").body()).contains("Your result is saved.");
        assertThat(beto.browser().get(MODULE + "/slides/check").body()).doesNotContain("Your result is saved.",
                "checked");
    }

    /** A check nobody has answered is shared too: a first-time visitor's form still carries their own token. */
    @Test
    void aNewVisitorsAnswersAreTakenFromASharedCheck() {
        for (int visitor = 0; visitor < 2; visitor++) {
            HttpVisitor browser = new HttpVisitor(port);
            HttpResponse<String> checked = browser.submit(MODULE + "/slides/check", MODULE + "/slides/check/answers",
                    "q-nonlinear", "1", "q-elements", "0", "q-elements", "1");
            assertThat(checked.statusCode()).isEqualTo(200);
            assertThat(checked.body()).contains("You answered 2 of 2 correctly");
        }
    }

    private static int seen(Reader reader) {
        Matcher seen = SEEN.matcher(reader.browser().get("/courses/test-course").body());
        assertThat(seen.find()).as("the course page's count").isTrue();
        return Integer.parseInt(seen.group(1));
    }

    /**
     * A second node on the same database: a learner's session works on both, and a version published on one node
     * replaces the shared slide on the other within the few seconds the other takes to notice it.
     */
    @Test
    void aNewVersionReplacesTheSharedSlideOnEveryNode() throws Exception {
        String id = "shared-" + UUID.randomUUID().toString().substring(0, 8);
        String welcome = "/courses/" + id + "/modules/basics/slides/welcome";
        publish(id, "First edition says");
        Reader ana = reader("ana");
        try (var other = new SpringApplicationBuilder(ImrPlatformApplication.class).profiles("test")
                .properties("server.port=0").run()) {
            HttpVisitor onOther = ana.browser().onPort(
                    ((ServletWebServerApplicationContext) other).getWebServer().getPort());
            for (HttpVisitor node : List.of(ana.browser(), onOther)) {
                assertThat(node.get(welcome).body()).contains("First edition says", ana.email());
            }

            publish(id, "Second edition says");
            assertThat(ana.browser().get(welcome).body()).contains("Second edition says")
                    .doesNotContain("First edition");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            String there = onOther.get(welcome).body();
            while (there.contains("First edition") && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                there = onOther.get(welcome).body();
            }
            assertThat(there).contains("Second edition says", ana.email()).doesNotContain("First edition");
        }
    }

    private void publish(String id, String welcomeText) {
        catalog.publish(CoursePackage.fromZip(PackageFiles.valid().edit("course.yaml", "id: test-course", "id: " + id)
                .edit("basics/welcome.yaml", "This is the", welcomeText).zip()), CourseVersion.Origin.UPLOAD, "test");
    }
}
