package org.imrplatform.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.imrplatform.course.CourseCatalog;
import org.imrplatform.course.CourseVersion;
import org.imrplatform.course.packaging.CoursePackage;
import org.imrplatform.shared.VisitorPageCache;
import org.imrplatform.support.PackageFiles;
import org.imrplatform.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Pages served from the anonymous page cache are never stale and never carry one visitor's data to another. */
@ServerTest
class CoursePagesForVisitorsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    CourseCatalog catalog;

    @Autowired
    VisitorPageCache cache;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void publish(String id, String welcomeText) {
        catalog.publish(CoursePackage.fromZip(PackageFiles.valid().edit("course.yaml", "id: test-course", "id: " + id)
                .edit("basics/welcome.yaml", "This is the", welcomeText).zip()), CourseVersion.Origin.UPLOAD, "test");
    }

    @Test
    void aNewVersionIsShownAtOnce() throws Exception {
        publish("cached-course", "First edition says");
        String welcome = "/courses/cached-course/modules/basics/slides/welcome";
        assertThat(get(welcome).body()).contains("First edition says");
        assertThat(get(welcome).body()).contains("First edition says");

        publish("cached-course", "Second edition says");
        assertThat(get(welcome).body()).contains("Second edition says").doesNotContain("First edition");
    }

    @Test
    void formsWithCsrfTokensAreNeverShared() throws Exception {
        String check = "/courses/test-course/modules/basics/slides/check";
        HttpResponse<String> first = get(check);
        HttpResponse<String> second = get(check);
        assertThat(first.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("XSRF-TOKEN="));
        assertThat(second.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("XSRF-TOKEN="));
        assertThat(token(first.body())).isNotEqualTo(token(second.body()));
    }

    @Test
    void signedInPeopleGetTheirOwnPage() throws Exception {
        String slide = "/courses/test-course/modules/basics/slides/goodbye";
        assertThat(get(slide).body()).contains("Sign in");

        HttpResponse<String> login = get("/login");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("username=admin@example.org&password=test-admin-password&_csrf="
                        + token(login.body()))).build(), HttpResponse.BodyHandlers.ofString());
        String session = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow().split(";")[0];

        assertThat(get(slide, "Cookie", session).body()).contains("Sign out").doesNotContain(">Sign in<");
    }

    @Test
    void eachLanguageHasItsOwnCopy() throws Exception {
        String slide = "/courses/test-course/modules/basics/slides/reading";
        assertThat(get(slide).body()).contains("Slide 7 of 8");
        assertThat(get(slide, "Cookie", "imr-lang=es").body()).contains("Diapositiva 7 de 8");
        assertThat(get(slide, "Accept-Language", "es-PR,es;q=0.9").body()).contains("Diapositiva 7 de 8");
        assertThat(get(slide).body()).contains("Slide 7 of 8");
    }

    /** A translated course: the cached copy is the course in the visitor's language, never the other one. */
    @Test
    void aVisitorNeverGetsTheCourseInTheOtherLanguagesCachedCopy() throws Exception {
        String[][] pages = {
                {"/courses/bilingual-course/modules/basics/slides/welcome", "Welcome in English",
                        "Bienvenida en español"},
                {"/courses/bilingual-course", "Bilingual test course", "Curso de prueba bilingüe"},
                {"/courses/bilingual-course/modules/basics", "Basics in two languages", "Lo básico en dos idiomas"}};
        for (String[] page : pages) {
            for (int round = 0; round < 2; round++) {
                assertThat(get(page[0]).body()).as(page[0]).contains(page[1]).doesNotContain(page[2]);
                assertThat(get(page[0], "Cookie", "imr-lang=es").body()).as(page[0]).contains(page[2])
                        .doesNotContain(page[1]);
                assertThat(get(page[0], "Accept-Language", "es-PR,es;q=0.9").body()).as(page[0]).contains(page[2])
                        .doesNotContain(page[1]);
                assertThat(get(page[0], "Cookie", "imr-lang=en", "Accept-Language", "es").body()).as(page[0])
                        .contains(page[1]).doesNotContain(page[2]);
            }
        }
        String welcome = "/courses/bilingual-course/modules/basics/slides/welcome";
        assertThat(get(welcome, "Cookie", "imr-lang=es").body()).contains("<html lang=\"es\"",
                "Bienvenida en español", "media/welcome.es.ogg", "Read this slide in English")
                .containsPattern("<article [^>]*lang=\"es\">");
    }

    @Test
    void headersAndCookiesCannotFloodOrPoisonTheCache() throws Exception {
        String slide = "/courses/test-course/modules/basics/slides/objectives";
        for (int i = 0; i < 1_000; i++) {
            assertThat(get(slide, "Accept-Language", "es-" + i + ",en;q=0." + i % 10).body()).contains("Diapositiva");
            assertThat(get(slide, "Cookie", "imr-lang=x" + i, "Accept-Language", "en-" + i).body())
                    .contains("Slide ");
        }
        assertThat(cache.copiesOf(slide)).isLessThanOrEqualTo(2);

        assertThat(get(slide, "Cookie", "imr-lang=en", "Accept-Language", "es").body()).contains("Slide ")
                .doesNotContain("Diapositiva");
        assertThat(get(slide, "Cookie", "imr-lang=es", "Accept-Language", "en").body()).contains("Diapositiva");
        assertThat(get(slide, "Cookie", "imr-lang=fr").body()).contains("Slide ");
        assertThat(get(slide + "?lang=es").body()).contains("Diapositiva");
        assertThat(get(slide + "?anything=" + 1).body()).contains("Slide ");
        String spelledOtherwise = slide.replace("objectives", "%6Fbjectives");
        assertThat(get(spelledOtherwise).body()).contains("Slide ");
        assertThat(cache.copiesOf(slide)).isLessThanOrEqualTo(2);
        assertThat(cache.copiesOf(spelledOtherwise)).isZero();
    }

    private static String token(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("page has a CSRF token").isTrue();
        return matcher.group(1);
    }
}
