package org.imrplatform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

/** Attendance comes from registration exports: previewed row by row, saved on confirmation, never twice. */
@PlatformTest
class AttendanceImportTest {

    private static final Pattern PENDING = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private Cookie admin;
    private String event;

    @BeforeEach
    void anEvent() throws Exception {
        admin = Learners.administrator(mvc);
        event = mvc.perform(post("/admin/events").with(csrf()).cookie(admin).param("title", "IMR webinar " + System.nanoTime())
                        .param("kind", "WEBINAR").param("startsOn", "2026-03-04").param("endsOn", "2026-03-04")
                        .param("area", "Illness Management and Recovery").param("format", "ONLINE")
                        .param("audience", "Practitioners").param("region", "NJ"))
                .andExpect(redirectedUrlPattern("/admin/events/*")).andReturn().getResponse().getRedirectedUrl();
    }

    private String preview(String csv) throws Exception {
        return mvc.perform(multipart(event + "/attendance/preview").file(new MockMultipartFile("file", "export.csv",
                        "text/csv", csv.getBytes(StandardCharsets.UTF_8))).with(csrf()).cookie(admin))
                .andReturn().getResponse().getContentAsString();
    }

    private String confirm(String previewPage) throws Exception {
        Matcher pending = PENDING.matcher(previewPage);
        assertThat(pending.find()).as("the preview offers to confirm").isTrue();
        mvc.perform(post(event + "/attendance").with(csrf()).cookie(admin).param("pending", pending.group(1)));
        return pending.group(1);
    }

    private int attendees() {
        long id = Long.parseLong(event.substring(event.lastIndexOf('/') + 1));
        return jdbc.sql("select count(*) from event_attendance where event_id = ?").param(id).query(Integer.class).single();
    }

    @Test
    void aPreviewShowsEveryRowAndSavesNothing() throws Exception {
        String page = preview("""
                Name,Email,Discipline,Organization,State
                Ana Rivera,ana@example.org,peer specialist,Clinic,PR
                Ben Ortiz,not-an-email,nurse,Hospital,NJ
                Cam Lee,cam@example.org,wizard,Org,Mars
                Ana Again,ANA@example.org,nurse,Clinic,NY
                Dee Moss,dee@example.org,Social Worker,Agency,New Jersey
                """);
        assertThat(page).contains("2 people will be added, 0 are already recorded for this event, 3 rows cannot")
                .contains("email &#39;not-an-email&#39; is not an email address")
                .contains("discipline &#39;wizard&#39; is not one of").contains("state &#39;Mars&#39; is not one of")
                .contains("the same email as row 2; each person is counted once")
                .contains("Add these 2 people");
        assertThat(attendees()).isZero();
    }

    @Test
    void confirmingTwiceCountsEachPersonOnce() throws Exception {
        String csv = "name,email,discipline,organization,state\nAna Rivera,ana@example.org,nurse,Clinic,PR\n"
                + "Dee Moss,dee@example.org,counselor,Agency,NJ\n";
        String confirmed = confirm(preview(csv));
        assertThat(attendees()).isEqualTo(2);
        String again = preview(csv);
        assertThat(again).contains("0 people will be added, 2 are already recorded").doesNotContain("name=\"pending\"");
        mvc.perform(post(event + "/attendance").with(csrf()).cookie(admin).param("pending", confirmed))
                .andExpect(content().string(containsString("it was already imported")));
        assertThat(attendees()).isEqualTo(2);
        mvc.perform(get(event).cookie(admin)).andExpect(content().string(containsString("2 people recorded as attending.")));
    }

    @Test
    void surveyAnswersArePreviewedAndImportedOnce() throws Exception {
        String csv = """
                email,overall_quality,recommend,benefit,use_in_practice,comments
                ana@example.org,5,5,4,4,Very useful
                ,4,,5,3,
                ben@example.org,6,5,5,5,
                cy@example.org,,,,,
                ANA@example.org,1,1,1,1,changed my mind
                ,0,9,,,
                """;
        String page = mvc.perform(multipart(event + "/surveys/preview").file(new MockMultipartFile("file", "survey.csv",
                        "text/csv", csv.getBytes(StandardCharsets.UTF_8))).with(csrf()).cookie(admin))
                .andReturn().getResponse().getContentAsString();
        // Ben's 6 is left out alone and his three other answers are kept; a row of nothing but such answers is not.
        assertThat(page).contains("3 responses will be added, 0 are already recorded for this event, 3 rows cannot")
                .contains("Answers left out of rows that will be imported, and why")
                .contains("<td>4</td><td>overall_quality</td>")
                .contains("“6” is not a whole number from 1 to 5, so this answer is left out; the row’s other answers")
                .contains("<td>7</td><td>overall_quality &#39;0&#39; must be a whole number from 1 to 5, or empty;"
                        + " recommend &#39;9&#39; must be a whole number from 1 to 5, or empty</td>")
                .contains("the row holds no answer").contains("the same email as row 2; each person answers once");
        Matcher pending = PENDING.matcher(page);
        assertThat(pending.find()).isTrue();
        mvc.perform(post(event + "/surveys").with(csrf()).cookie(admin).param("pending", pending.group(1)));
        mvc.perform(post(event + "/surveys").with(csrf()).cookie(admin).param("pending", pending.group(1)));
        long id = Long.parseLong(event.substring(event.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("select count(*) from event_survey_response where event_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select overall_quality, recommend, benefit, use_in_practice from event_survey_response"
                        + " where event_id = ? and response_key = 'ben@example.org'").param(id)
                .query((rs, n) -> Arrays.asList(rs.getObject(1), rs.getInt(2), rs.getInt(3), rs.getInt(4))).single())
                .containsExactly(null, 5, 5, 5);
    }

    @Test
    void aConfirmedSurveyImportSaysResponsesWereRecorded() throws Exception {
        // Anonymous answers are recorded too: the confirmation counts answers, not people.
        String header = "email,overall_quality,recommend,benefit,use_in_practice,comments\n";
        assertThat(confirmSurveys(header + ",5,5,5,5,\n,4,4,4,4,\n", "en"))
                .contains("2 survey responses recorded; 0 were already recorded; 0 rows were left out.");
        assertThat(confirmSurveys(header + ",3,3,3,3,\n,2,2,2,2,\n", "es"))
                .contains("Se registraron 2 respuestas a la encuesta; 0 ya estaban registradas; 0 filas quedaron fuera.");
    }

    /** The event page after a survey file is previewed and confirmed, in the given language. */
    private String confirmSurveys(String csv, String language) throws Exception {
        Cookie lang = new Cookie("imr-lang", language);
        String page = mvc.perform(multipart(event + "/surveys/preview").file(new MockMultipartFile("file", "survey.csv",
                        "text/csv", csv.getBytes(StandardCharsets.UTF_8))).with(csrf()).cookie(admin, lang))
                .andReturn().getResponse().getContentAsString();
        Matcher pending = PENDING.matcher(page);
        assertThat(pending.find()).isTrue();
        mvc.perform(post(event + "/surveys").with(csrf()).cookie(admin, lang).param("pending", pending.group(1)));
        return mvc.perform(get(event).cookie(admin, lang)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void rowNumbersAreTheRowsASpreadsheetShows() throws Exception {
        // Blank lines count (also at the top and as bare commas); a quoted cell holding a line break is one row.
        String csv = "\r\nname,email,discipline,organization,state\r\nAna Rivera,ana@example.org,nurse,Clinic,PR\r\n"
                + "\r\n\r\nBen Ortiz,not-an-email,nurse,Clinic,NJ\r\n,,,,\r\n"
                + "\"Cam\nLee\",cam@,nurse,Clinic,NJ\r\nDee Moss,dee@example.org,wizard,Org,NJ\r\n";
        assertThat(preview(csv)).contains("1 people will be added, 0 are already recorded for this event, 3 rows")
                .contains("<td>6</td><td>email &#39;not-an-email&#39; is not an email address</td>")
                .contains("<td>8</td><td>email &#39;cam@&#39; is not an email address</td>")
                .contains("<td>9</td><td>discipline &#39;wizard&#39; is not one of");

        // A workbook's empty rows count too, whether the file leaves them out or holds them with empty cells.
        String page = previewFile("attendance", "export.xlsx", Workbooks.of(
                new Object[] {"name", "email", "discipline", "organization", "state"},
                new Object[] {},
                new Object[] {"Eve", "eve@example.org", "nurse", "Clinic", "NY"},
                new Object[] {"", "", ""},
                new Object[] {},
                new Object[] {"Fay", "fay@", "nurse", "Clinic", "NY"}));
        assertThat(page).contains("<td>6</td><td>email &#39;fay@&#39; is not an email address</td>");
    }

    @Test
    void aRowsReasonsAreToldInSpanish() throws Exception {
        String page = mvc.perform(multipart(event + "/attendance/preview").file(new MockMultipartFile("file",
                        "export.csv", "text/csv", ("name,email,discipline,organization,state\n"
                                + "Ana Rivera,ana@example.org,nurse,Clinic,PR\n"
                                + "Ana Otra,ANA@example.org,nurse,Clinic,PR\n"
                                + ",no-es-correo,mago,Org,Marte\n").getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).cookie(admin, new Cookie("imr-lang", "es")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Filas que no se pueden importar y por qu\u00e9")
                .contains("<td>3</td><td>el mismo correo que la fila 2; cada persona se cuenta una vez</td>")
                .contains("<td>4</td><td>falta el nombre o tiene m\u00e1s de 200 caracteres;"
                        + " el correo &#39;no-es-correo&#39; no es una direcci\u00f3n de correo electr\u00f3nico;"
                        + " la disciplina &#39;mago&#39; no es una de: peer specialist")
                .contains("el estado &#39;Marte&#39; no es uno de: NY, NJ, PR, USVI, other</td>");
    }

    @Test
    void whatMakesAnAttendanceRowValid() throws Exception {
        // docs/metrics.md, "Imported files": choices in any case with spaces or hyphens, states by code or name, an
        // organization may be left empty, an address of up to 254 characters.
        String longest = "a".repeat(242) + "@example.org";
        String page = preview("name,email,discipline,organization,state\n"
                + "Ana,ana@example.org,Social-Worker,,new jersey\n"
                + "Ben,ben@example.org,PEER SPECIALIST,Org,Virgin Islands\n"
                + "Cy," + longest + ",case manager,Org,other\n"
                + "Dee,a" + longest + ",nurse,Org,NY\n"
                + ",eve@example.org,nurse,Org,NY\n"
                + "Fay,fay@example,nurse,Org,NY\n"
                + "Gus,gus@example.org,nurse," + "o".repeat(201) + ",NY\n");
        assertThat(page).contains("3 people will be added, 0 are already recorded for this event, 4 rows cannot")
                .contains("<td>5</td><td>email &#39;a" + longest + "&#39; is not an email address</td>")
                .contains("<td>6</td><td>name is missing or longer than 200 characters</td>")
                .contains("<td>7</td><td>email &#39;fay@example&#39; is not an email address</td>")
                .contains("<td>8</td><td>organization is longer than 200 characters</td>");
    }

    @Test
    void whatMakesASurveyRowValid() throws Exception {
        // A comment alone is an answer; comments of up to 4,000 characters.
        String page = mvc.perform(multipart(event + "/surveys/preview").file(new MockMultipartFile("file", "s.csv",
                        "text/csv", ("email,overall_quality,recommend,benefit,use_in_practice,comments\n"
                                + ",,,,,Only a comment\n"
                                + "ana@example.org,,,,," + "c".repeat(4000) + "\n"
                                + ",5,,,," + "c".repeat(4001) + "\n"
                                + "not-an-email,5,5,5,5,\n").getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).cookie(admin))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("2 responses will be added, 0 are already recorded for this event, 2 rows cannot")
                .contains("<td>4</td><td>comments are longer than 4,000 characters</td>")
                .contains("<td>5</td><td>email &#39;not-an-email&#39; is not an email address (leave it empty for"
                        + " anonymous answers)</td>");
    }

    @Test
    void aFileWithWrongColumnsIsRefusedWhole() throws Exception {
        assertThat(preview("full name,e-mail,discipline,organization,state\nAna,ana@example.org,nurse,C,PR\n"))
                .contains("Unknown columns: full name, e-mail").contains("Missing columns: name, email")
                .contains("Nothing was saved.").doesNotContain("Add these");
        assertThat(attendees()).isZero();
    }

    @Test
    void emptyAndNonUtf8FilesAreExplained() throws Exception {
        assertThat(preview("name,email,discipline,organization,state\n")).contains("no rows under it");
        String latin1 = mvc.perform(multipart(event + "/attendance/preview").file(new MockMultipartFile("file", "x.csv",
                        "text/csv", "name,email,discipline,organization,state\nJos\u00e9,j@example.org,nurse,C,PR\n"
                                .getBytes(StandardCharsets.ISO_8859_1))).with(csrf()).cookie(admin))
                .andReturn().getResponse().getContentAsString();
        assertThat(latin1).contains("neither UTF-8 text nor an Excel workbook");
        assertThat(preview("name,email,discipline,organization,state\nAna,ana@example.org,nurse,C,PR\n\n"
                + "\"Ben,ben@example.org,nurse,C,PR\nCy,cy@example.org,nurse,C,PR\n"))
                .contains("could not be read as CSV from row 4 on: a quote that is never closed");
    }

    private String previewFile(String kind, String name, byte[] content) throws Exception {
        return mvc.perform(multipart(event + "/" + kind + "/preview").file(new MockMultipartFile("file", name,
                        "application/octet-stream", content)).with(csrf()).cookie(admin))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void excelWorkbooksImportLikeCsv() throws Exception {
        String page = previewFile("attendance", "export.xlsx", Workbooks.of(
                new Object[] {"Email", "Name", "Discipline", "Organization", "State"},
                new Object[] {"rosa@example.org", "Rosa Díaz", "Peer specialist", "Casa", "Puerto Rico"},
                new Object[] {},
                new Object[] {"not-an-email", "Lee", "nurse", 2024, "NY"}));
        assertThat(page).contains("1 people will be added, 0 are already recorded for this event, 1 rows cannot")
                .contains("<td>4</td>").contains("email &#39;not-an-email&#39; is not an email address");
        confirm(page);
        assertThat(attendees()).isEqualTo(1);

        // Ratings typed as numbers arrive as 5, not 5.0.
        String surveys = previewFile("surveys", "survey.xlsx", Workbooks.of(
                new Object[] {"email", "overall_quality", "recommend", "benefit", "use_in_practice", "comments"},
                new Object[] {"rosa@example.org", 5, 4, 4, 5, "Útil"}));
        assertThat(surveys).contains("1 responses will be added");
    }

    @Test
    void spreadsheetsThatCannotBeReadAreExplained() throws Exception {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertThat(previewFile("attendance", "old.xls", xls)).contains("Excel 97-2003 (.xls)")
                .contains("Nothing was saved.");
        byte[] broken = Arrays.copyOf(Workbooks.of(new Object[] {"name"}), 300);
        assertThat(previewFile("attendance", "broken.xlsx", broken))
                .contains("could not be read as an Excel workbook");
        assertThat(previewFile("attendance", "empty.xlsx", Workbooks.of()))
                .contains("first sheet of the workbook is empty");
        assertThat(attendees()).isZero();
    }

    @Test
    void eventsAreCheckedBeforeTheyAreSaved() throws Exception {
        mvc.perform(post("/admin/events").with(csrf()).cookie(admin).param("title", "Party").param("kind", "PARTY")
                        .param("startsOn", "2026-05-02").param("endsOn", "2026-05-02").param("area", "IMR")
                        .param("format", "ONLINE").param("audience", "All").param("region", "NY"))
                .andExpect(content().string(allOf(containsString("There is a problem"),
                        containsString("This is not one of the choices."))));
        mvc.perform(post("/admin/events").with(csrf()).cookie(admin).param("title", "").param("kind", "WEBINAR")
                        .param("startsOn", "2026-05-02").param("endsOn", "2026-05-02").param("area", "")
                        .param("format", "ONLINE").param("audience", "All").param("region", "NY"))
                .andExpect(content().string(allOf(containsString("Enter the event&#39;s title."),
                        containsString("Enter the area of focus"))));
        mvc.perform(post("/admin/events").with(csrf()).cookie(admin).param("title", "Backwards").param("kind", "WEBINAR")
                        .param("startsOn", "2026-05-02").param("endsOn", "2026-05-01").param("area", "IMR")
                        .param("format", "ONLINE").param("audience", "All").param("region", "NY"))
                .andExpect(content().string(containsString("The last day cannot be before the first day.")));
    }
}
