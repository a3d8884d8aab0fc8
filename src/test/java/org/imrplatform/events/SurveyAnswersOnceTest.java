package org.imrplatform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.imrplatform.support.Workbooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Anonymous survey answers are never counted twice: the same export saved with other line endings or as a workbook
 * adds nothing, and next month's export, holding this month's answers and one more, adds exactly that one, even when
 * it repeats answers already recorded (docs/metrics.md, "Imported files").
 */
@PlatformTest
class SurveyAnswersOnceTest {

    private static final Pattern PENDING = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"");
    private static final String[] HEADER = {"email", "overall_quality", "recommend", "benefit", "use_in_practice",
            "comments"};
    /** Two identical anonymous answers, one with a comment over two lines, one named respondent. */
    private static final Object[][] MARCH = {
            {"", 5, 5, 5, 5, ""},
            {"", 5, 5, 5, 5, ""},
            {"", 4, null, 3, 2, "Good pace,\nlong day"},
            {"", 3, 3, 3, 3, "Fine"},
            {"ana@example.org", 5, 4, 4, 4, ""}};

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private Cookie admin;
    private String event;

    @BeforeEach
    void anEvent() throws Exception {
        admin = Learners.administrator(mvc);
        event = mvc.perform(post("/admin/events").with(csrf()).cookie(admin)
                        .param("title", "Survey " + UUID.randomUUID())
                        .param("kind", "WEBINAR").param("startsOn", "2026-03-04").param("endsOn", "2026-03-04")
                        .param("area", "Illness Management and Recovery").param("format", "ONLINE")
                        .param("audience", "Practitioners").param("region", "NJ"))
                .andExpect(redirectedUrlPattern("/admin/events/*")).andReturn().getResponse().getRedirectedUrl();
    }

    /** The rows as a CSV export, with the line ending given (also inside the quoted comment). */
    private static byte[] csv(String newline, Object[]... rows) {
        StringBuilder text = new StringBuilder(String.join(",", HEADER)).append(newline);
        for (Object[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                String cell = row[c] == null ? "" : row[c].toString().replace("\n", newline);
                text.append(c == 0 ? "" : ",").append(cell.contains(",") || cell.contains(newline)
                        ? "\"" + cell + "\"" : cell);
            }
            text.append(newline);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The rows as a workbook, under the header, ratings as numbers. */
    private static byte[] xlsx(Object[]... rows) {
        Object[][] sheet = new Object[rows.length + 1][];
        sheet[0] = HEADER;
        System.arraycopy(rows, 0, sheet, 1, rows.length);
        return Workbooks.of(sheet);
    }

    private String preview(String name, byte[] content) throws Exception {
        return mvc.perform(multipart(event + "/surveys/preview").file(new MockMultipartFile("file", name,
                        "application/octet-stream", content)).with(csrf()).cookie(admin))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private void confirm(String page) throws Exception {
        Matcher pending = PENDING.matcher(page);
        assertThat(pending.find()).as("the preview offers to confirm").isTrue();
        mvc.perform(post(event + "/surveys").with(csrf()).cookie(admin).param("pending", pending.group(1)))
                .andExpect(redirectedUrlPattern("/admin/events/*"));
    }

    private int responses() {
        long id = Long.parseLong(event.substring(event.lastIndexOf('/') + 1));
        return jdbc.sql("select count(*) from event_survey_response where event_id = ?").param(id)
                .query(Integer.class).single();
    }

    @Test
    void theSameAnswersSavedAgainAddNothingAndNextMonthsExportAddsOnlyItsNewAnswer() throws Exception {
        confirm(preview("march.csv", csv("\n", MARCH)));
        assertThat(responses()).isEqualTo(5);

        for (var again : new Object[][] {{"march-windows.csv", csv("\r\n", MARCH)}, {"march.xlsx", xlsx(MARCH)}}) {
            assertThat(preview((String) again[0], (byte[]) again[1])).as((String) again[0])
                    .contains("0 responses will be added, 5 are already recorded for this event, 0 rows cannot")
                    .doesNotContain("name=\"pending\"");
        }

        // April's export: March's answers in another order, and a third "5, 5, 5, 5".
        Object[][] april = {MARCH[4], MARCH[3], MARCH[2], MARCH[1], MARCH[0], {"", 5, 5, 5, 5, ""}};
        String page = preview("april.csv", csv("\r\n", april));
        assertThat(page).contains("1 responses will be added, 5 are already recorded for this event, 0 rows cannot");
        confirm(page);
        assertThat(responses()).isEqualTo(6);
        assertThat(preview("april.xlsx", xlsx(april))).contains("0 responses will be added, 6 are already recorded");
    }
}
