package org.imrplatform.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import jakarta.servlet.http.Cookie;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.imrplatform.support.PrintedPdf;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The outcome figures against a small fixture whose answers were worked out by hand (see docs/metrics.md). Each
 * fixture lives in a year of its own, long past, so records made by other tests never fall in its period.
 */
@PlatformTest
class OutcomeFiguresTest {

    @Autowired
    OutcomeFigures figures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    /**
     * Each test gets a year of its own (three apart: a fixture also touches the years beside it). A run starts well
     * below the years earlier runs used, so the suite can run again on the same database.
     */
    private static final AtomicInteger NEXT_YEAR = new AtomicInteger();

    private int year;
    private String tag;

    private OffsetDateTime at(int month, int day) {
        return OffsetDateTime.of(year, month, day, 12, 0, 0, 0, ZoneOffset.UTC);
    }

    /** The area of the fixture's events, spelt in another case than the bundled test course's, which is the same. */
    private static final String IMR = "illness management and recovery";

    private long event(LocalDate startsOn) {
        return event(startsOn, IMR);
    }

    private long event(LocalDate startsOn, String area) {
        jdbc.sql("insert into outreach_event (title, kind, starts_on, ends_on, area, area_key, format, audience, region,"
                        + " created_at) values (?, 'WEBINAR', ?, ?, ?, lower(?), 'ONLINE', 'All', 'NJ', ?)")
                .params("Fixture " + tag, startsOn, startsOn, area, area, OffsetDateTime.now()).update();
        return jdbc.sql("select max(id) from outreach_event").query(Long.class).single();
    }

    private void attended(long event, String email, String region) {
        if (jdbc.sql("select count(*) from engaged_person where email_key = ?").param(email).query(Long.class)
                .single() == 0) {
            jdbc.sql("insert into engaged_person (email_key, region, discipline) values (?, ?, 'NURSE')")
                    .params(email, region).update();
        }
        jdbc.sql("insert into event_attendance (event_id, person_id, email_key, full_name, discipline, organization,"
                        + " region, imported_at) select ?, id, email_key, 'Fixture', 'NURSE', 'Org', ?, ?"
                        + " from engaged_person where email_key = ?")
                .params(event, region, OffsetDateTime.now(), email).update();
    }

    private long account(String email, String region) {
        jdbc.sql("insert into account (email, email_key, full_name, discipline, organization, region, enabled,"
                        + " created_at) values (?, ?, 'Fixture', 'SOCIAL_WORKER', 'Org', ?, true, ?)")
                .params(email, email, region, OffsetDateTime.now()).update();
        return jdbc.sql("select id from account where email_key = ?").param(email).query(Long.class).single();
    }

    private void viewed(long account, OffsetDateTime when) {
        jdbc.sql("insert into slide_view (account_id, course_id, module_id, slide_id, first_viewed_at)"
                + " values (?, 'test-course', 'm', 's', ?)").params(account, when).update();
    }

    private void completed(long account, OffsetDateTime when) {
        jdbc.sql("insert into course_completion (account_id, course_id, completed_at) values (?, 'test-course', ?)")
                .params(account, when).update();
    }

    private void evaluated(long account, int quality, int recommend, int benefit, int use, OffsetDateTime when) {
        jdbc.sql("insert into course_evaluation (account_id, course_id, overall_quality, recommend, benefit,"
                        + " use_in_practice, updated_at, submitted_at) values (?, 'test-course', ?, ?, ?, ?, ?, ?)")
                .params(account, quality, recommend, benefit, use, when, when).update();
    }

    private String email(String name) {
        return name + "." + tag + "@fixture.example.org";
    }

    private int firstYearOfThisRun() {
        int earliest = jdbc.sql("select coalesce(min(extract(year from starts_on)), 9999) from outreach_event")
                .query(Integer.class).single();
        return Math.min(1900, earliest - 40);
    }

    @BeforeEach
    void fixture() {
        NEXT_YEAR.compareAndSet(0, firstYearOfThisRun());
        year = NEXT_YEAR.getAndAdd(3);
        tag = UUID.randomUUID().toString().substring(0, 8);
        long inPeriod = event(LocalDate.of(year, 3, 1));
        long lastDay = event(LocalDate.of(year, 12, 31));
        long before = event(LocalDate.of(year - 1, 12, 31));
        attended(inPeriod, email("a"), "NY");
        attended(inPeriod, email("b"), "NJ");
        attended(inPeriod, email("c"), "NY");
        attended(lastDay, email("a"), "NY");
        attended(lastDay, email("d"), "USVI");
        attended(before, email("e"), "NY");

        long learner = account(email("c"), "PR");
        long late = account(email("f"), "NY");
        long evaluator = account(email("g"), "NJ");
        viewed(learner, at(5, 1));
        OffsetDateTime nextYear = OffsetDateTime.of(year + 1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        viewed(late, nextYear);
        completed(learner, at(6, 1));
        completed(late, nextYear);
        evaluated(learner, 5, 4, 3, 2, at(7, 1));
        evaluated(evaluator, 4, 5, 5, 4, at(8, 1));
        evaluated(late, 1, 1, 1, 1, nextYear);
        surveyed(inPeriod, 5, 2, null, 4);
        surveyed(before, 1, 1, 1, 1);

        long otherArea = event(LocalDate.of(year, 4, 1), "Recovery");
        attended(otherArea, email("h"), "PR");
        surveyed(otherArea, 1, 1, 1, 1);
    }

    private OutcomeFigures.Figures inYear(String area) {
        return figures.of(new OutcomeFigures.Scope(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), area));
    }

    private void surveyed(long event, Integer quality, Integer recommend, Integer benefit, Integer use) {
        jdbc.sql("insert into event_survey_response (event_id, response_key, overall_quality, recommend, benefit,"
                        + " use_in_practice, imported_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(event, "anonymous:" + UUID.randomUUID(), quality, recommend, benefit, use, OffsetDateTime.now())
                .update();
    }

    @Test
    void figuresMatchTheHandComputedAnswers() {
        OutcomeFigures.Figures result = inYear("Illness Management and Recovery");

        assertThat(result.participants()).isEqualTo(4);
        assertThat(result.enrollments()).isEqualTo(1);
        assertThat(result.completions()).isEqualTo(1);
        assertThat(result.events()).isEqualTo(2);
        // Course evaluations (5,4,3,2) and (4,5,5,4) plus one event survey (5,2,-,4) in the period.
        assertThat(result.satisfaction()).extracting(OutcomeFigures.Satisfaction::percent)
                .containsExactly(100L, 67L, 50L, 67L);
        assertThat(result.satisfaction()).extracting(OutcomeFigures.Satisfaction::respondents)
                .containsExactly(3L, 3L, 2L, 3L);
        assertThat(result.byRegion()).containsExactlyEntriesOf(new TreeMap<>(Map.of("NJ", 1L, "NY", 1L, "PR", 1L,
                "USVI", 1L)));
        // Attendees are recorded as nurses; the learner's own account says social worker and wins.
        assertThat(result.byDiscipline()).containsExactlyEntriesOf(new TreeMap<>(Map.of("NURSE", 3L,
                "SOCIAL_WORKER", 1L)));
    }

    @Test
    void everyAreaTogetherCountsTheOtherAreasEventToo() {
        OutcomeFigures.Figures result = inYear(null);

        assertThat(result.participants()).isEqualTo(5);
        assertThat(result.events()).isEqualTo(3);
        assertThat(result.enrollments()).isEqualTo(1);
        // The other area's survey (1,1,1,1) joins the three answers above.
        assertThat(result.satisfaction()).extracting(OutcomeFigures.Satisfaction::percent)
                .containsExactly(75L, 50L, 33L, 50L);
        assertThat(result.byRegion()).containsEntry("PR", 2L);
    }

    @Test
    void anotherAreaCountsOnlyItsOwnEventsAndNoCourseOfAnotherArea() {
        OutcomeFigures.Figures result = inYear("RECOVERY");

        assertThat(result.participants()).isEqualTo(1);
        assertThat(result.events()).isEqualTo(1);
        assertThat(result.enrollments()).isZero();
        assertThat(result.completions()).isZero();
        assertThat(result.satisfaction()).extracting(OutcomeFigures.Satisfaction::percent)
                .containsExactly(0L, 0L, 0L, 0L);
        assertThat(result.satisfaction()).extracting(OutcomeFigures.Satisfaction::respondents)
                .containsExactly(1L, 1L, 1L, 1L);
        assertThat(inYear("An area nobody works in").participants()).isZero();
    }

    @Test
    void productsCountTheAreasCatalogUpToTheEndOfThePeriod() {
        String area = "Products of " + tag;
        for (LocalDate released : new LocalDate[] {LocalDate.of(year, 6, 1), LocalDate.of(year + 1, 1, 1)}) {
            jdbc.sql("insert into product (title, kind, area, released_on, created_at) values (?, 'TOOLKIT', ?, ?, ?)")
                    .params("Fixture " + tag, area, released, OffsetDateTime.now()).update();
        }
        assertThat(inYear(area).products()).isEqualTo(1);
        assertThat(inYear(null).products()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theFiguresExportAsCsvAndExcel() throws Exception {
        Cookie admin = Learners.administrator(mvc);
        String csv = mvc.perform(get("/admin/outcomes/export.csv").param("from", year + "-01-01")
                        .param("to", year + "-12-31").cookie(admin))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Participants engaged,4,").contains("Events offered,2,")
                .contains("Information will benefit development,50%,2").contains("Participants engaged in Puerto Rico,1,");

        byte[] xlsx = mvc.perform(get("/admin/outcomes/export.xlsx").param("from", year + "-01-01")
                .param("to", year + "-12-31").cookie(admin)).andReturn().getResponse().getContentAsByteArray();
        // An XLSX file is a zip of XML parts; read it through its central directory, as spreadsheet programs do.
        Path file = Files.createTempFile("outcomes", ".xlsx");
        Files.write(file, xlsx);
        StringBuilder sheets = new StringBuilder();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (entry.getName().startsWith("xl/")) {
                    sheets.append(new String(zip.getInputStream(entry).readAllBytes(),
                            StandardCharsets.UTF_8));
                }
            }
        } finally {
            Files.delete(file);
        }
        assertThat(sheets).contains("Participants engaged").contains("<v>4</v>");

        mvc.perform(get("/admin/outcomes/export.csv").param("from", "2026-05-02").param("to", "2026-05-01")
                .cookie(admin)).andExpect(status()
                .isBadRequest());
    }

    @Test
    void sharesRoundHalfUpAlikeOnThePageInTheCsvAndInThePdf() throws Exception {
        // 2 of 7 is 28.57%: the page, the CSV and the PDF all say 29%, and 5 of 7 (71.43%) 71%.
        String area = "Audit " + tag;
        long event = event(LocalDate.of(year, 2, 1), area);
        for (int i = 0; i < 7; i++) {
            attended(event, email("share" + i), i < 2 ? "NY" : "NJ");
            surveyed(event, i < 2 ? 5 : 1, null, null, null);
        }
        Cookie admin = Learners.administrator(mvc);
        String page = mvc.perform(get("/admin/outcomes").param("from", year + "-01-01").param("to", year + "-12-31")
                        .param("area", area).cookie(admin))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8).replaceAll(">\\s+<", "><");
        assertThat(page).contains("New York</th><td>2</td><td class=\"bar-cell\"><span>29%</span>")
                .contains("New Jersey</th><td>5</td><td class=\"bar-cell\"><span>71%</span>");
        String csv = mvc.perform(get("/admin/outcomes/export.csv").param("from", year + "-01-01")
                        .param("to", year + "-12-31").param("area", area).cookie(admin))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Satisfied with overall quality,29%,7");
        byte[] pdf = mvc.perform(get("/admin/outcomes/summary.pdf").param("from", year + "-01-01")
                        .param("to", year + "-12-31").param("area", area).cookie(admin))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("New York: 2 (29%)").contains("New Jersey: 5 (71%)").contains("29%");
        }
    }

    @Test
    void theDashboardShowsTheFiguresAndExplainsBadDates() throws Exception {
        mvc.perform(get("/admin/outcomes").param("from", year + "-01-01").param("to", year + "-12-31")
                        .cookie(Learners.administrator(mvc)))
                .andExpect(content().string(allOf(containsString("Participants engaged"),
                        containsString("<dd>4</dd>"), containsString("50%"))));
        mvc.perform(get("/admin/outcomes").param("from", "last spring").cookie(Learners.administrator(mvc)))
                .andExpect(content().string(containsString("A date could not be read")));
    }

    @Test
    void theOnePageSummaryPrintsTheSameFigures() throws Exception {
        Cookie admin = Learners.administrator(mvc);
        byte[] pdf = mvc.perform(get("/admin/outcomes/summary.pdf").param("from", year + "-01-01")
                        .param("to", year + "-12-31").param("area", "").cookie(admin))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Outcomes: All areas of focus")
                    .contains("5 participants engaged in our activities and 1 completed our online course")
                    .contains("75%").contains("33%").contains("Puerto Rico: 2 (40%)");
        }
        mvc.perform(get("/admin/outcomes/summary.pdf").param("from", "soon").cookie(admin))
                .andExpect(status().isBadRequest());
        // Areas are typed by people; a character the embedded font lacks prints as "?" rather than failing.
        byte[] emoji = mvc.perform(get("/admin/outcomes/summary.pdf").param("area", "Recovery \uD83C\uDF31")
                .cookie(admin)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(emoji)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Outcomes: Recovery ?");
        }
    }

    @Test
    void theSummaryPdfIsTaggedAndInTheReadersLanguage() throws Exception {
        Cookie admin = Learners.administrator(mvc);
        PrintedPdf english = PrintedPdf.read(summary(admin, "en"))
                .assertAccessible("en", "Outcomes: All areas of focus");
        assertThat(english.pages()).isEqualTo(1);
        assertThat(english.structure()).contains("H1", "H2", "P");
        assertThat(english.text()).contains("From January 1, " + year + " to December 31, " + year)
                .contains("Events offered").contains("Information will benefit development")
                .contains("Participants engaged, by state or territory New Jersey: 1 (20%) · New York: 1 (20%) · "
                        + "Puerto Rico: 2 (40%) · US Virgin Islands: 1 (20%)")
                .contains("Definitions: docs/metrics.md");

        PrintedPdf spanish = PrintedPdf.read(summary(admin, "es"))
                .assertAccessible("es", "Resultados: Todas las áreas de enfoque");
        assertThat(spanish.text()).contains("Del 1 de enero de " + year)
                .contains("Participantes por estado o territorio").contains("Puerto Rico: 2 (40%)")
                .doesNotContain("Participants engaged");
    }

    private byte[] summary(Cookie admin, String language) throws Exception {
        return mvc.perform(get("/admin/outcomes/summary.pdf").param("from", year + "-01-01")
                        .param("to", year + "-12-31").param("area", "").cookie(admin, new Cookie("imr-lang", language)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

}
