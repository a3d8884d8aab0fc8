package org.imrplatform.areas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The public area pages: what visitors read, in which language, from memory until something they show changes. */
@PlatformTest
class AreaPageTest {

    private static final List<String> FIGURES = List.of("Participants engaged", "Course completions",
            "Rank in the needs assessment", "Events offered", "Products", "Satisfied with overall quality",
            "Would recommend to colleagues", "Information will benefit development",
            "Will use the information in practice");

    @Autowired
    MockMvc mvc;

    @Autowired
    AreaViews views;

    private Cookie admin;
    private AreaPageFixture fixture;

    @BeforeEach
    void aPageOfItsOwn() throws Exception {
        admin = Learners.administrator(mvc);
        fixture = new AreaPageFixture(mvc, admin);
    }

    @Test
    void theImrPageShipsFilledInForVisitorsInBothLanguages() throws Exception {
        String list = fixture.read(get("/areas"), 200);
        assertThat(list).contains("href=\"/areas/imr\"").contains("Illness Management and Recovery");

        String english = fixture.read(get("/areas/imr"), 200);
        assertThat(english).contains("<h1>Illness Management and Recovery</h1>").contains("Who we are")
                .contains("Training and Technical Assistance Center").contains("evidence-based program")
                .contains("What we have done").contains("Outcomes").contains("Participants engaged")
                .contains("Print this page (one-page PDF)")
                // No contact detail was given, so none is shown (and none is made up).
                .doesNotContain("Questions?").doesNotContain("mailto:").doesNotContain("tel:");
        String spanish = fixture.read(get("/areas/imr").param("lang", "es"), 200);
        assertThat(spanish).contains("<h1>Manejo de la Enfermedad y Recuperación (IMR)</h1>").contains("Quiénes somos").contains("programa basado en la evidencia")
                .contains("Participantes").doesNotContain("evidence-based program");
    }

    @Test
    void spanishFallsBackToEnglishOnlyWhereItIsEmptyAndMarkedAsEnglish() throws Exception {
        fixture.save(Map.of("focusEn", "**Recovery** in English words.", "centerTextEn", "We are a center.",
                "centerTextEs", "Somos un centro."));
        String spanish = fixture.visit("es");
        assertThat(spanish).contains("<div lang=\"en\"><p><strong>Recovery</strong> in English words.</p>")
                .contains("<div><p>Somos un centro.</p>").doesNotContain("We are a center.");
        assertThat(fixture.visit("en")).contains("<div><p><strong>Recovery</strong> in English words.</p>")
                .doesNotContain("lang=\"en\"><p>");
    }

    @Test
    void rawHtmlIsShownAsTextAndScriptLinksGoNowhere() throws Exception {
        fixture.save(Map.of("focusEn", "<script>alert(1)</script>\n\nA [click](javascript:alert(2)) and "
                + "<img src=x onerror=alert(3)> and a [site](https://example.org/imr)."));
        String page = fixture.visit("en");
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(3)&gt;")
                .contains("<a rel=\"nofollow\" href=\"https://example.org/imr\">site</a>")
                .contains("<a rel=\"nofollow\" href=\"\">click</a>")
                .doesNotContain("<script>alert").doesNotContain("javascript:").doesNotContain("<img src=x");
    }

    @Test
    void theFiguresAreTheDashboardsForTheSameAreaAndPeriod() throws Exception {
        String webinar = fixture.event("Webinar of " + fixture.area, "2019-03-05");
        fixture.event("Training of " + fixture.area, "2019-09-10");
        fixture.event("Webinar of the year before " + fixture.area, "2018-06-01");
        fixture.upload(webinar, "attendance", "name,email,discipline,organization,state\n"
                + "Ana Rivera,ana." + fixture.slug + "@example.org,nurse,Clinic,PR\n"
                + "Ben Ortiz,ben." + fixture.slug + "@example.org,counselor,Agency,NJ\n");
        fixture.upload(webinar, "surveys", "email,overall_quality,recommend,benefit,use_in_practice,comments\n"
                + ",5,5,4,3,\n,4,3,5,5,\n,2,5,,4,\n");
        fixture.product("Fact sheet " + fixture.slug, "2019-05-01", "What the practice is.", null);
        fixture.product("Later sheet " + fixture.slug, "2020-05-01", "Released after the period.", null);
        fixture.needs("Needs " + fixture.slug, "2019-02-01", "area,rank,percent\nHousing " + fixture.slug + ",1,60\n"
                + fixture.area + ",2,40\nWork " + fixture.slug + ",3,20\n");
        fixture.save(Map.of("periodFrom", "2019-01-01", "periodTo", "2019-12-31"));

        Map<String, String> page = AreaPageFixture.figures(fixture.visit("en"));
        Map<String, String> dashboard = AreaPageFixture.figures(fixture.read(get("/admin/outcomes")
                .param("from", "2019-01-01").param("to", "2019-12-31").param("area", fixture.area).cookie(admin), 200));
        for (String figure : FIGURES) {
            assertThat(page.get(figure)).as(figure).isNotNull().isEqualTo(dashboard.get(figure));
        }
        assertThat(page).containsEntry("Participants engaged", "2").containsEntry("Events offered", "2")
                .containsEntry("Products", "1").containsEntry("Rank in the needs assessment", "2 / 3")
                .containsEntry("Satisfied with overall quality", "67%")
                .containsEntry("Would recommend to colleagues", "67%")
                .containsEntry("Information will benefit development", "100%")
                .containsEntry("Will use the information in practice", "67%");

        // The center's own area, with its courses' records, until today, as shipped.
        Map<String, String> imr = AreaPageFixture.figures(fixture.read(get("/areas/imr"), 200));
        Map<String, String> imrDashboard = AreaPageFixture.figures(fixture.read(get("/admin/outcomes")
                .param("from", "2020-01-01").param("to", LocalDate.now().toString())
                .param("area", "Illness Management and Recovery").cookie(admin), 200));
        for (String figure : FIGURES) {
            assertThat(imr.get(figure)).as(figure).isNotNull().isEqualTo(imrDashboard.get(figure));
        }
    }

    @Test
    void aPageIsBuiltOnceAndServedFromMemoryInEachLanguageWithoutMixingThem() throws Exception {
        fixture.save(Map.of("focusEn", "Only English words here.", "focusEs", "Solo palabras en español aquí."));
        long before = views.builds();
        assertThat(fixture.visit("en")).contains("Only English words here.").doesNotContain("Solo palabras");
        assertThat(views.builds()).isEqualTo(before + 1);
        for (int i = 0; i < 3; i++) {
            assertThat(fixture.visit("en")).contains("Only English words here.").doesNotContain("Solo palabras");
            assertThat(fixture.visit("es")).contains("Solo palabras en español aquí.").doesNotContain("Only English");
        }
        assertThat(views.builds()).as("one build per language, then from memory").isEqualTo(before + 2);
        fixture.read(get("/areas/" + fixture.slug + "/summary.pdf"), 200);
        fixture.read(get("/areas/" + fixture.slug + "/summary.pdf"), 200);
        assertThat(views.builds()).isEqualTo(before + 2);

        fixture.save(Map.of("focusEn", "Newer English words.", "focusEs", "Palabras más nuevas."));
        assertThat(fixture.visit("en")).contains("Newer English words.");
        assertThat(fixture.visit("es")).contains("Palabras más nuevas.");
        assertThat(views.copiesOf(fixture.slug)).as("a newer build replaces the older one").isEqualTo(2);
    }

    @Test
    void eachChangeTheFiguresCountShowsOnTheNextVisit() throws Exception {
        String today = LocalDate.now().toString();
        fixture.save(Map.of("periodFrom", "2024-01-01"));
        assertThat(fixture.visit("en")).contains("No event of this area is planned right now.");

        fixture.save(Map.of("periodFrom", "2024-01-01", "centerTextEn", "An edited description."));
        assertThat(fixture.visit("en")).contains("An edited description.");

        fixture.event("Upcoming webinar " + fixture.slug, LocalDate.now().plusDays(20).toString());
        assertThat(fixture.visit("en")).contains("Upcoming webinar " + fixture.slug)
                .doesNotContain("No event of this area is planned right now.");

        String past = fixture.event("Past webinar " + fixture.slug, "2024-05-02");
        assertThat(AreaPageFixture.figures(fixture.visit("en"))).containsEntry("Events offered", "1")
                .containsEntry("Participants engaged", "0");
        fixture.upload(past, "attendance", "name,email,discipline,organization,state\n"
                + "Cy Diaz,cy." + fixture.slug + "@example.org,nurse,Clinic,PR\n");
        assertThat(AreaPageFixture.figures(fixture.visit("en"))).containsEntry("Participants engaged", "1");
        fixture.upload(past, "surveys", "email,overall_quality,recommend,benefit,use_in_practice,comments\n"
                + ",5,5,5,5,\n");
        assertThat(AreaPageFixture.figures(fixture.visit("en"))).containsEntry("Satisfied with overall quality", "100%");

        fixture.product("Recording " + fixture.slug, "2024-05-03", "The webinar, recorded.",
                past.substring(past.lastIndexOf('/') + 1));
        assertThat(fixture.visit("en")).contains("The webinar, recorded.").contains("Recordings and materials:")
                .contains("href=\"https://example.org/Recording-" + fixture.slug + "\"");

        fixture.needs("Needs " + fixture.slug, today, "area,rank,percent\n" + fixture.area + ",1,70\n"
                + "Other " + fixture.slug + ",2,30\n");
        assertThat(AreaPageFixture.figures(fixture.visit("en"))).containsEntry("Rank in the needs assessment", "1 / 2");

        // The test course is of the center's own area: its completions and evaluations count on the IMR page.
        Map<String, String> imr = AreaPageFixture.figures(fixture.read(get("/areas/imr"), 200));
        Cookie learner = Learners.register(mvc, Learners.email("ac" + System.nanoTime()));
        Learners.completeTestCourse(mvc, learner);
        Map<String, String> completed = AreaPageFixture.figures(fixture.read(get("/areas/imr"), 200));
        assertThat(Long.parseLong(completed.get("Course completions")))
                .isEqualTo(Long.parseLong(imr.get("Course completions")) + 1);
        long answers = respondents(fixture.read(get("/areas/imr"), 200));
        mvc.perform(post("/courses/test-course/evaluation").with(csrf()).cookie(learner).param("action", "submit")
                .param("overallQuality", "5").param("recommend", "5").param("benefit", "4").param("useInPractice", "4"));
        assertThat(respondents(fixture.read(get("/areas/imr"), 200))).isEqualTo(answers + 1);
    }

    /** The number of answers to the overall quality item, as the page shows it. */
    private static long respondents(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "Satisfied with overall quality</dt>\\s*<dd>[^<]*</dd>\\s*<dd class=\"hint\">(\\d+) answers").matcher(page);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
