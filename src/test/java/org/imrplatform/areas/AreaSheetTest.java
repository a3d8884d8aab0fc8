package org.imrplatform.areas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.imrplatform.support.PrintedPdf;
import org.imrplatform.voices.VoicesChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An area page's voices from the field (only those published, in the page's language) and its one-page PDF: the
 * center's sheet with a realistic amount of content, cut to fit one page with a link to the full page.
 */
@PlatformTest
class AreaSheetTest {

    private static final String CENTER = "Training and Technical Assistance Center";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private AreaPageFixture fixture;

    @BeforeEach
    void aPageOfItsOwn() throws Exception {
        fixture = new AreaPageFixture(mvc, Learners.administrator(mvc));
    }

    /** Publishes or un-publishes a survey comment as the voices module does: its row and its event, in one go. */
    private void published(String comment, String language, boolean published) {
        long id = jdbc.sql("select id from event_survey_response where comments = ?").param(comment)
                .query(Long.class).single();
        transactions.executeWithoutResult(status -> {
            if (published) {
                jdbc.sql("insert into voice_publication (source, comment_id, language, published_at)"
                        + " values ('survey', ?, ?, ?)").params(id, language, OffsetDateTime.now(ZoneOffset.UTC)).update();
            } else {
                jdbc.sql("delete from voice_publication where source = 'survey' and comment_id = ?").param(id).update();
            }
            events.publishEvent(new VoicesChanged(fixture.area));
        });
    }

    private String quote(int i) {
        return "Quote " + i + " " + fixture.slug + ": the role play and the step by step goal setting helped me plan"
                + " the next team meeting with the people I serve and I now review every goal each week with them.";
    }

    @Test
    void onlyPublishedVoicesAppearOnThePageAndInThePdfAndUnpublishingTakesThemOff() throws Exception {
        String webinar = fixture.event("Webinar " + fixture.slug, "2024-04-04");
        String rows = IntStream.range(0, 6).mapToObj(i -> ",5,5,5,4," + quote(i) + "\n").collect(Collectors.joining());
        fixture.upload(webinar, "surveys", "email,overall_quality,recommend,benefit,use_in_practice,comments\n" + rows
                + ",4,4,4,4,Never published " + fixture.slug + "\n");
        fixture.save(Map.of("periodFrom", "2024-01-01"));
        assertThat(fixture.visit("en")).doesNotContain("Voices from the field").doesNotContain("Quote 0");

        published(quote(0), "en", true);
        published(quote(1), "en", true);
        published(quote(2), "es", true);
        String english = fixture.visit("en");
        assertThat(english).contains("Voices from the field").contains(quote(0)).contains(quote(1))
                .doesNotContain(quote(2)).doesNotContain("Never published");
        assertThat(fixture.visit("es")).contains("Voces del campo").contains(quote(2)).doesNotContain(quote(0));
        PrintedPdf pdf = PrintedPdf.read(mvc.perform(get("/areas/" + fixture.slug + "/summary.pdf"))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(pdf.text()).contains("Quote 0 " + fixture.slug).doesNotContain("Never published")
                .doesNotContain("Quote 2");

        published(quote(0), "en", false);
        assertThat(fixture.visit("en")).doesNotContain(quote(0)).contains(quote(1));
        pdf = PrintedPdf.read(mvc.perform(get("/areas/" + fixture.slug + "/summary.pdf"))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(pdf.text()).doesNotContain("Quote 0").contains("Quote 1 " + fixture.slug);
    }

    @Test
    void aFullPageIsPrintedOnOnePageCutShortWithALinkToTheWholePage() throws Exception {
        String paragraph = "Practitioners learn to help each person set a recovery goal that matters to them, break"
                + " it into small steps and follow it up every week, with handouts, role play and a plan for"
                + " early warning signs. ";
        String webinar = fixture.event("Webinar " + fixture.slug, "2024-04-04");
        for (int i = 0; i < 8; i++) {
            fixture.product("Product " + i + " " + fixture.slug, "2024-0" + (i + 1) + "-10",
                    "Product " + i + " explains " + paragraph.repeat(3), i == 0 ? webinar.substring(webinar.lastIndexOf('/') + 1) : null);
        }
        String rows = IntStream.range(0, 6).mapToObj(i -> ",5,5,5,4," + quote(i) + "\n").collect(Collectors.joining());
        fixture.upload(webinar, "surveys", "email,overall_quality,recommend,benefit,use_in_practice,comments\n" + rows);
        for (int i = 0; i < 6; i++) {
            published(quote(i), "en", true);
        }
        fixture.save(Map.of("periodFrom", "2024-01-01", "centerTextEn", "The center " + paragraph.repeat(6),
                "focusEn", ("**About the practice.** " + paragraph.repeat(4) + "\n\n").repeat(5),
                "email", "center@example.org", "phone", "+1 (555) 010-0000", "website", "https://example.org/center",
                "place", "1 Example Street, Example City"));

        byte[] bytes = mvc.perform(get("/areas/" + fixture.slug + "/summary.pdf")).andReturn().getResponse()
                .getContentAsByteArray();
        PrintedPdf pdf = PrintedPdf.read(bytes).assertAccessible("en", fixture.area + " · " + CENTER);
        assertThat(pdf.pages()).isEqualTo(1);
        assertThat(pdf.text()).contains(fixture.area).contains(CENTER).contains("Who we are")
                .contains("The area of focus").contains("About the practice.").contains("What we have done")
                .contains("Product 7 " + fixture.slug).contains("Outcomes")
                .contains("0 participants engaged in our activities and 0 completed our online course.")
                .contains("Rank in the needs assessment").contains("Events offered").contains("Products")
                .contains("100% Satisfied with overall quality · 6 respondents").contains("Voices from the field")
                .contains("Quote 5 " + fixture.slug).contains("Questions?").contains("center@example.org")
                .contains("+1 (555) 010-0000").contains("More on the full page: https://imr.example.org/areas/"
                        + fixture.slug);
    }

    @Test
    void theShippedImrSheetIsOnePageInEitherLanguage() throws Exception {
        PrintedPdf english = PrintedPdf.read(mvc.perform(get("/areas/imr/summary.pdf")).andReturn().getResponse()
                .getContentAsByteArray()).assertAccessible("en", "Illness Management and Recovery · " + CENTER);
        assertThat(english.pages()).isEqualTo(1);
        assertThat(english.text()).contains("Who we are").contains("evidence-based program")
                .contains("https://imr.example.org/areas/imr").doesNotContain("Questions?");
        PrintedPdf spanish = PrintedPdf.read(mvc.perform(get("/areas/imr/summary.pdf").param("lang", "es"))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(spanish.pages()).isEqualTo(1);
        assertThat(spanish.language()).isEqualTo("es");
        assertThat(spanish.text()).contains("Quiénes somos").contains("programa basado en la evidencia")
                .contains("Resultados");
        // The shipped description fits whole, in the longer language too: nothing is cut while the page has room.
        assertThat(english.text().replaceAll("\\s+", " ")).contains("follows each person's progress over time.");
        assertThat(spanish.text().replaceAll("\\s+", " ")).contains("progreso de cada persona a lo largo del tiempo.");
    }
}
