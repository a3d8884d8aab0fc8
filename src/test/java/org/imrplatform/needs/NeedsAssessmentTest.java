package org.imrplatform.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.imrplatform.support.Workbooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A needs assessment is previewed (every area with its rank and percent, every row's problem) and stored only when
 * the administrator who previewed it confirms, once: the same assessment again, by title and date or by results and
 * date, stores nothing new. The outcomes page then shows where the area ranks.
 */
@PlatformTest
class NeedsAssessmentTest {

    private static final Pattern PENDING = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NeedsAssessments assessments;

    private Cookie admin;
    /** This test's own areas and titles, so that the suite can run again on the same database. */
    private String tag;

    @BeforeEach
    void signIn() throws Exception {
        admin = Learners.administrator(mvc);
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    private String results() {
        return "area,rank,percent\nHousing " + tag + ",1,63\nEmployment " + tag + ",2,55%\nIMR " + tag + ",3,41.5\n"
                + "Peer support " + tag + ",4,\n";
    }

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "needs.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static MockMultipartFile xlsx(Object[]... rows) {
        return new MockMultipartFile("file", "needs.xlsx", "application/octet-stream", Workbooks.of(rows));
    }

    private String preview(Cookie who, String title, String date, MockMultipartFile file) throws Exception {
        MockHttpServletResponse response = mvc.perform(multipart("/admin/needs-assessments/preview").file(file)
                .param("title", title).param("conductedOn", date).with(csrf()).cookie(who)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static String pending(String page) {
        Matcher pending = PENDING.matcher(page);
        assertThat(pending.find()).as("the preview offers to confirm").isTrue();
        return pending.group(1);
    }

    private MockHttpServletResponse confirm(Cookie who, String pending) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/admin/needs-assessments").with(csrf()).cookie(who)
                .param("pending", pending)).andReturn().getResponse();
        assertThat(response.getStatus()).as("answer to a confirmation").isLessThan(500);
        return response;
    }

    /** Assessments stored under this test's titles. */
    private int stored() {
        return jdbc.sql("select count(*) from needs_assessment where title like ?").param("%" + tag + "%")
                .query(Integer.class).single();
    }

    @Test
    void aPreviewShowsEveryAreaAndNothingIsStoredUntilItIsConfirmed() throws Exception {
        String page = preview(admin, "Regional needs " + tag, "2024-06-01", csv(results()));
        assertThat(page).contains("Preview: nothing is saved yet")
                .contains("“Regional needs " + tag + "”, conducted on 2024-06-01: 4 areas of focus,"
                        + " 0 rows with problems.")
                .contains("<td>2</td><td>Housing " + tag + "</td>\n          <td>1</td><td>63%</td>")
                .contains("<td>4</td><td>IMR " + tag + "</td>\n          <td>3</td><td>41.5%</td>")
                .contains("<td>5</td><td>Peer support " + tag + "</td>\n          <td>4</td><td>—</td>")
                .contains("Import this assessment (4 areas of focus)")
                .contains("name=\"title\" value=\"Regional needs " + tag + "\"")
                .contains("name=\"conductedOn\" value=\"2024-06-01\"");
        assertThat(stored()).isZero();

        MvcResult done = mvc.perform(post("/admin/needs-assessments").with(csrf()).cookie(admin)
                .param("pending", pending(page))).andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/admin/needs-assessments");
        assertThat(mvc.perform(get("/admin/needs-assessments").cookie(admin).flashAttrs(done.getFlashMap()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("“Regional needs " + tag + "” is imported.");
        assertThat(stored()).isOne();

        String outcomes = mvc.perform(get("/admin/outcomes").param("from", "2024-01-01").param("to", "2024-12-31")
                .param("area", "imr " + tag).cookie(admin)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(outcomes).contains("Rank in the needs assessment").contains("3 / 4")
                .contains("Regional needs " + tag).contains("41.5%");
        assertThat(mvc.perform(get("/admin/outcomes").param("from", "2023-01-01").param("to", "2023-12-31")
                        .param("area", "IMR " + tag).cookie(admin)).andReturn().getResponse().getContentAsString())
                .contains("is not in a needs assessment conducted by the end");
    }

    @Test
    void aFileWithAnyBadRowTellsEachRowAndCannotBeImported() throws Exception {
        String page = preview(admin, "Regional survey " + tag, "2024-06-01", csv("""
                area,rank,percent
                Illness Management and Recovery,3,41.5

                Trauma-informed care,x,
                illness management and recovery,4,
                Peer support,,
                Housing,1,140
                Employment,2,12.25
                """));
        assertThat(page).contains("conducted on 2024-06-01: 1 areas of focus, 5 rows with problems.")
                .contains("A ranking only means something whole, so nothing is stored until every row is right.")
                .contains("<td>4</td><td>rank &#39;x&#39; must be a whole number from 1 up</td>")
                .contains("<td>5</td><td>area &#39;illness management and recovery&#39; is already on row 2</td>")
                .contains("<td>6</td><td>give a rank, a percent or both</td>")
                .contains("<td>7</td><td>percent &#39;140&#39; must be a number from 0 to 100, with at most one")
                .contains("<td>8</td><td>percent &#39;12.25&#39; must be a number")
                .doesNotContain("name=\"pending\"");
        assertThat(stored()).isZero();
    }

    @Test
    void whatMakesAnAreaValid() throws Exception {
        // docs/metrics.md, "Imported files": an area of up to 100 characters, a rank from 1 to 9999, a percent from 0
        // to 100 with at most one decimal (a percent sign allowed).
        String area = "A" + tag + "x".repeat(91);
        String page = preview(admin, "Limits " + tag, "2024-06-01", csv("area,rank,percent\n"
                + area + ",9999,\n"
                + "B " + tag + ",,100\n"
                + "C " + tag + ",1, 0 %\n"
                + area + "y,1,\n"
                + "D " + tag + ",10000,\n"
                + "E " + tag + ",0,\n"
                + "F " + tag + ",,100.1\n"
                + "G " + tag + ",,1e2\n"));
        assertThat(page).contains("3 areas of focus, 5 rows with problems.")
                .contains("<td>5</td><td>area is missing or longer than 100 characters</td>")
                .contains("<td>6</td><td>rank &#39;10000&#39; must be a whole number from 1 up</td>")
                .contains("<td>7</td><td>rank &#39;0&#39; must be a whole number from 1 up</td>")
                .contains("<td>8</td><td>percent &#39;100.1&#39; must be a number from 0 to 100")
                .contains("<td>9</td><td>percent &#39;1e2&#39; must be a number from 0 to 100")
                .contains("<td>4</td><td>C " + tag + "</td>\n          <td>1</td><td>0%</td>");
    }

    @Test
    void theFormsFieldsAreCheckedBeforeTheFile() throws Exception {
        String page = preview(admin, "", "someday", csv(results()));
        assertThat(page).contains("The assessment was not imported").contains("Enter the assessment&#39;s title")
                .contains("Enter the date the assessment was conducted").doesNotContain("name=\"pending\"");
    }

    @Test
    void theSameAssessmentIsStoredOnceWhateverItsFileLooksLike() throws Exception {
        String title = "Annual needs " + tag;
        confirm(admin, pending(preview(admin, title, "2024-06-01", csv(results()))));
        assertThat(stored()).isOne();

        // The same file again, the same title in other case and spacing with other results, the same results in
        // another order and case as a workbook under another title: each is the assessment already stored.
        assertThat(preview(admin, title, "2024-06-01", csv(results())))
                .contains("“" + title + "”, conducted on 2024-06-01, is already imported (the same title and date),"
                        + " so nothing new will be stored.")
                .doesNotContain("name=\"pending\"");
        assertThat(preview(admin, "  annual   NEEDS " + tag + " ", "2024-06-01",
                csv("area,rank,percent\nHousing " + tag + ",1,\n")))
                .contains("is already imported (the same title and date)").doesNotContain("name=\"pending\"");
        assertThat(preview(admin, "Retitled " + tag, "2024-06-01", xlsx(new Object[] {"Percent", "Area", "Rank"},
                new Object[] {null, "PEER SUPPORT " + tag, 4}, new Object[] {41.5, "imr " + tag, 3},
                new Object[] {"55.0%", "Employment " + tag, 2}, new Object[] {63, "Housing " + tag, 1})))
                .contains("is already imported (the same results for the same date)")
                .doesNotContain("name=\"pending\"");
        assertThat(stored()).isOne();

        // The same results a year later are another assessment.
        confirm(admin, pending(preview(admin, title, "2025-06-01", csv(results()))));
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void aConfirmationIsUsedOnceAndOnlyByWhoPreviewed() throws Exception {
        Cookie other = Learners.withRoles(mvc, jdbc, Learners.email("needs.admin." + tag), "Other Admin",
                "ADMINISTRATOR");
        String pending = pending(preview(admin, "Owned " + tag, "2024-06-01", csv(results())));
        assertThat(confirm(other, pending).getContentAsString()).contains("made by someone else")
                .contains("The assessment was not imported");
        assertThat(stored()).isZero();

        assertThat(confirm(admin, pending).getRedirectedUrl()).isEqualTo("/admin/needs-assessments");
        assertThat(confirm(admin, pending).getContentAsString()).contains("it was already imported");
        assertThat(stored()).isOne();
    }

    @Test
    void forgedExpiredAndOtherImportsPreviewsStoreNothing() throws Exception {
        for (String forged : List.of("", "abc", "A".repeat(43), "x".repeat(10_000), "'; drop table needs_area; --")) {
            assertThat(confirm(admin, forged).getContentAsString()).as(forged)
                    .contains("There is no previewed file waiting under this confirmation");
        }
        String expired = pending(preview(admin, "Expired " + tag, "2024-06-01", csv(results())));
        jdbc.sql("update pending_import set expires_at = ? where id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), expired).update();
        assertThat(confirm(admin, expired).getContentAsString()).contains("This preview expired");

        // A needs assessment's preview confirmed as an event's attendance, and the other way round.
        String event = mvc.perform(post("/admin/events").with(csrf()).cookie(admin).param("title", "Needs " + tag)
                        .param("kind", "WEBINAR").param("startsOn", "2024-03-04").param("endsOn", "2024-03-04")
                        .param("area", "IMR").param("format", "ONLINE").param("audience", "All").param("region", "NJ"))
                .andReturn().getResponse().getRedirectedUrl();
        String assessment = pending(preview(admin, "Crossed " + tag, "2024-06-01", csv(results())));
        assertThat(mvc.perform(post(event + "/attendance").with(csrf()).cookie(admin).param("pending", assessment))
                .andReturn().getResponse().getContentAsString()).contains("another event or another kind of import");
        String attendance = pending(mvc.perform(multipart(event + "/attendance/preview").file(csv(
                        "name,email,discipline,organization,state\nAna,ana." + tag + "@example.org,nurse,C,PR\n"))
                .with(csrf()).cookie(admin)).andReturn().getResponse().getContentAsString());
        assertThat(confirm(admin, attendance).getContentAsString()).contains("another event or another kind of import");
        assertThat(stored()).isZero();
        assertThat(confirm(admin, assessment).getRedirectedUrl()).isEqualTo("/admin/needs-assessments");
    }

    @Test
    void confirmationsAtTheSameMomentStoreTheAssessmentOnce() throws Exception {
        // The same preview confirmed four times at once, then two previews of one assessment confirmed at once.
        String one = pending(preview(admin, "Raced " + tag, "2024-06-01", csv(results())));
        assertThat(simultaneously(one, one, one, one)).isOne();
        assertThat(stored()).isOne();

        String title = "Raced twice " + tag;
        String other = results().replace(",63", ",64");
        String first = pending(preview(admin, title, "2024-07-01", csv(other)));
        String second = pending(preview(admin, title, "2024-07-01", csv(other)));
        assertThat(simultaneously(first, second)).isOne();
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void theDatabaseRefusesASecondCopyOfAnAssessment() {
        // What stops two confirmations that both found the assessment not yet stored (they raced past the check).
        LocalDate day = LocalDate.of(2024, 8, 1);
        NeedsFile file = NeedsFile.read(results().getBytes(StandardCharsets.UTF_8));
        assessments.store(new NeedsAssessmentForm("Keyed " + tag, day), file.areas());
        NeedsFile other = NeedsFile.read(results().replace(",63", ",62").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> assessments.store(new NeedsAssessmentForm(" KEYED  " + tag, day), other.areas()))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> assessments.store(new NeedsAssessmentForm("Rekeyed " + tag, day), file.areas()))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(stored()).isOne();
    }

    /** Sends the confirmations at the same moment; returns how many stored the assessment. */
    private int simultaneously(String... pendings) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(pendings.length);
        try {
            List<Callable<MockHttpServletResponse>> confirmations = new ArrayList<>();
            for (String pending : pendings) {
                confirmations.add(() -> confirm(admin, pending));
            }
            int storedBy = 0;
            for (Future<MockHttpServletResponse> answer : pool.invokeAll(confirmations)) {
                if (answer.get().getRedirectedUrl() != null) {
                    storedBy++;
                } else {
                    assertThat(answer.get().getContentAsString()).containsAnyOf("it was already imported",
                            "is already imported", "imported a moment ago by another confirmation");
                }
            }
            return storedBy;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aFileTooLargeIsRefusedBeforeItIsRead() throws Exception {
        byte[] large = new byte[3 * 1024 * 1024];
        Arrays.fill(large, (byte) 'a');
        assertThat(preview(admin, "Large " + tag, "2024-06-01", new MockMultipartFile("file", "big.csv", "text/csv",
                large))).contains("The file is larger than 2 MB").doesNotContain("name=\"pending\"");
        assertThat(jdbc.sql("select count(*) from pending_import where subject like ?").param("%" + tag)
                .query(Integer.class).single()).isZero();
    }
}
