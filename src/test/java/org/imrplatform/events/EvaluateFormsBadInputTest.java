package org.imrplatform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.servlet.http.Cookie;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What a careless or hostile administrator can type or upload into the Evaluate forms (events, imports, products, needs assessments): values not offered, blanks,
 * control characters, text far too long, dates nobody means, files that are not exports or are built to exhaust the
 * server. Each gets the form again with the reason on the field or file, never a server error, and nothing stored.
 */
@PlatformTest
class EvaluateFormsBadInputTest {

    private static final String LONG = "x".repeat(10_000);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private Cookie admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = Learners.administrator(mvc);
    }

    /** Each field's bad values, with the field whose message must show. */
    private static Map<String, String[]> textAndChoiceCases(String... textFields) {
        Map<String, String[]> cases = new LinkedHashMap<>();
        for (String field : textFields) {
            cases.put(field + " blank", new String[] {field, "   "});
            cases.put(field + " NUL", new String[] {field, "a\u0000b"});
            cases.put(field + " U+0001", new String[] {field, "\u0001"});
            cases.put(field + " 10,000 characters", new String[] {field, LONG});
        }
        return cases;
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(csrf()).cookie(admin)).andReturn().getResponse();
        assertThat(response.getStatus()).as("status").isLessThan(500);
        return response;
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private static void assertFieldMessage(MockHttpServletResponse response, String field, String why)
            throws Exception {
        assertThat(response.getStatus()).as(why).isEqualTo(200);
        assertThat(response.getContentAsString()).as(why).contains("There is a problem")
                .contains("id=\"" + field + "-error\"");
    }

    @Test
    void eventsRefuseEveryBadValueOnItsField() throws Exception {
        Map<String, String> good = Map.of("title", "Bad input " + UUID.randomUUID(), "kind", "WEBINAR",
                "startsOn", "2026-03-04", "endsOn", "2026-03-04", "area", "IMR", "format", "ONLINE",
                "audience", "All", "region", "NY");
        Map<String, String[]> cases = textAndChoiceCases("title", "area", "audience");
        for (String choice : new String[] {"kind", "format", "region"}) {
            cases.put(choice + " not offered", new String[] {choice, "NOPE"});
            cases.put(choice + " blank", new String[] {choice, ""});
        }
        for (String date : new String[] {"startsOn", "endsOn"}) {
            cases.put(date + " 1899", new String[] {date, "1899-12-31"});
            cases.put(date + " 9999", new String[] {date, "9999-12-31"});
            cases.put(date + " nonsense", new String[] {date, "soon\u0000"});
            cases.put(date + " blank", new String[] {date, ""});
        }
        int before = count("outreach_event");
        for (var bad : cases.entrySet()) {
            MockHttpServletRequestBuilder request = post("/admin/events");
            good.forEach((field, value) -> request.param(field, field.equals(bad.getValue()[0])
                    ? bad.getValue()[1] : value));
            assertFieldMessage(send(request), bad.getValue()[0], bad.getKey());
        }
        assertThat(count("outreach_event")).isEqualTo(before);
    }

    @Test
    void everyBadFieldIsToldAtOnceEvenWhenOneCannotBeRead() throws Exception {
        MockHttpServletResponse response = send(post("/admin/events").param("title", "").param("kind", "NOPE")
                .param("startsOn", "9999-12-31").param("endsOn", "someday").param("area", "\u0000")
                .param("format", "ONLINE").param("audience", LONG).param("region", "NY"));
        for (String field : new String[] {"title", "kind", "startsOn", "endsOn", "area", "audience"}) {
            assertFieldMessage(response, field, field);
        }
        assertThat(response.getContentAsString()).contains("Enter the event&#39;s title.")
                .contains("This is not one of the choices.").contains("Enter a date between 1990-01-01 and 2100-12-31.")
                .contains("Enter the date as year-month-day").contains("control character")
                .contains("The audience can be up to 200 characters.");
    }

    @Test
    void productsRefuseEveryBadValueOnItsField() throws Exception {
        Map<String, String> good = Map.of("title", "Bad product " + UUID.randomUUID(), "kind", "TOOLKIT",
                "area", "IMR", "releasedOn", "2025-09-15");
        Map<String, String[]> cases = textAndChoiceCases("title", "area");
        cases.put("kind not offered", new String[] {"kind", "NOPE"});
        cases.put("kind blank", new String[] {"kind", ""});
        cases.put("releasedOn 1899", new String[] {"releasedOn", "1899-12-31"});
        cases.put("releasedOn 9999", new String[] {"releasedOn", "9999-12-31"});
        cases.put("releasedOn nonsense", new String[] {"releasedOn", "yesterday"});
        int before = count("product");
        for (var bad : cases.entrySet()) {
            MockHttpServletRequestBuilder request = post("/admin/products");
            good.forEach((field, value) -> request.param(field, field.equals(bad.getValue()[0])
                    ? bad.getValue()[1] : value));
            assertFieldMessage(send(request), bad.getValue()[0], bad.getKey());
        }
        assertThat(count("product")).isEqualTo(before);
    }

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "needs.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void needsAssessmentsRefuseBadFieldsAndFiles() throws Exception {
        MockMultipartFile good = csv("area,rank,percent\nHousing,1,40\n");
        Map<String, String[]> cases = textAndChoiceCases("title");
        cases.put("conductedOn 1899", new String[] {"conductedOn", "1899-12-31"});
        cases.put("conductedOn 9999", new String[] {"conductedOn", "9999-12-31"});
        cases.put("conductedOn nonsense", new String[] {"conductedOn", "someday"});
        cases.put("conductedOn blank", new String[] {"conductedOn", ""});
        int before = count("needs_assessment");
        for (var bad : cases.entrySet()) {
            String title = bad.getValue()[0].equals("title") ? bad.getValue()[1] : "Needs " + UUID.randomUUID();
            String date = bad.getValue()[0].equals("conductedOn") ? bad.getValue()[1] : "2025-06-01";
            MockHttpServletResponse response = send(multipart("/admin/needs-assessments/preview").file(good)
                    .param("title", title).param("conductedOn", date));
            assertThat(response.getContentAsString()).as(bad.getKey()).contains("The assessment was not imported")
                    .contains("id=\"" + bad.getValue()[0] + "-error\"").doesNotContain("name=\"pending\"");
        }
        Map<String, MockMultipartFile> files = new LinkedHashMap<>();
        files.put("Unknown column: abc", csv("abc"));
        files.put("Missing columns: area, rank, percent", new MockMultipartFile("file", "x.xlsx",
                "application/octet-stream", "abc".getBytes(StandardCharsets.US_ASCII)));
        files.put("column 1 holds an invisible control character", csv("area,rank,percent\nHou\u0000sing,1,40\n"));
        files.put("holds more than 32,767 characters", csv("area,rank,percent\n" + "x".repeat(40_000) + ",1,40\n"));
        files.put("The workbook unpacks to more than 32 MB", zipBomb());
        files.put("Row 2 has more than 256 cells", sheet("<row r=\"2\">" + "<c/>".repeat(300) + "</row>"));
        files.put("The file is larger than 2 MB", new MockMultipartFile("file", "big.csv", "text/csv",
                new byte[3 * 1024 * 1024]));
        files.put("No file was chosen", new MockMultipartFile("file", "", "application/octet-stream", new byte[0]));
        for (var bad : files.entrySet()) {
            MockHttpServletResponse response = send(multipart("/admin/needs-assessments/preview").file(bad.getValue())
                    .param("title", "Needs " + UUID.randomUUID()).param("conductedOn", "2025-06-01"));
            assertThat(response.getContentAsString()).as(bad.getKey()).contains("The assessment was not imported")
                    .contains(bad.getKey()).doesNotContain("name=\"pending\"");
        }
        // Oversize text in a column is a row's problem, told in the preview; the assessment cannot be imported.
        assertThat(send(multipart("/admin/needs-assessments/preview").file(csv("area,rank,percent\n" + LONG + ",1,\n"))
                .param("title", "Needs " + UUID.randomUUID()).param("conductedOn", "2025-06-01")).getContentAsString())
                .contains("<td>2</td><td>area is missing or longer than 100 characters</td>")
                .doesNotContain("name=\"pending\"");
        assertThat(count("needs_assessment")).isEqualTo(before);
    }

    @Test
    void eventImportPreviewsExplainFilesThatCannotBeImported() throws Exception {
        String event = mvc.perform(post("/admin/events").with(csrf()).cookie(admin)
                        .param("title", "Bad files " + UUID.randomUUID()).param("kind", "WEBINAR")
                        .param("startsOn", "2026-03-04").param("endsOn", "2026-03-04").param("area", "IMR")
                        .param("format", "ONLINE").param("audience", "All").param("region", "NJ"))
                .andExpect(redirectedUrlPattern("/admin/events/*")).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(event.substring(event.lastIndexOf('/') + 1));
        for (EventImport kind : EventImport.values()) {
            String header = String.join(",", kind == EventImport.ATTENDANCE ? AttendanceFile.COLUMNS
                    : SurveyFile.COLUMNS) + "\n";
            Map<String, MockMultipartFile> files = new LinkedHashMap<>();
            files.put("Unknown column: abc", csv("abc"));
            files.put("Missing column", new MockMultipartFile("file", "x.xlsx", "application/octet-stream",
                    "abc".getBytes(StandardCharsets.US_ASCII)));
            files.put("Row 2, column 1 holds an invisible control character",
                    csv(header + "A\u0000na,ana@example.org,nurse,Clinic,PR\n"));
            files.put("Row 2, column 3 holds an invisible control character",
                    csv(header + "Ana,ana@example.org,nur\u0001se,Clinic,PR\n"));
            files.put("holds more than 32,767 characters", csv(header + "Ana," + "x".repeat(40_000) + ",nurse\n"));
            files.put("Row 2 has more than 256 cells", csv(header + "Ana,ana@example.org" + ",".repeat(300) + "\n"));
            files.put("The workbook unpacks to more than 32 MB", zipBomb());
            files.put("The workbook is made of more than 200 parts", manyParts());
            files.put("Row 7 has more than 256 cells", sheet("<row r=\"7\"><c r=\"ZZZZZZ7\"/></row>"));
            files.put("Row 3 has more than 256 cells", sheet("<row r=\"3\">" + "<c/>".repeat(300) + "</row>"));
            files.put("Row 2, column 4 holds a number of more than 40 characters",
                    sheet("<row><c r=\"A1\" t=\"s\"><v>0</v></c></row><row><c/><c/><c/><c><v>" + "9".repeat(1_000_000)
                            + "</v></c></row>"));
            files.put("No file was chosen", new MockMultipartFile("file", "", "application/octet-stream",
                    new byte[0]));
            for (var bad : files.entrySet()) {
                MockHttpServletResponse response = send(multipart(event + "/" + kind.path() + "/preview")
                        .file(bad.getValue()));
                assertThat(response.getContentAsString()).as(kind + ": " + bad.getKey())
                        .contains("The file cannot be imported").contains(bad.getKey())
                        .doesNotContain("name=\"pending\"");
            }
        }
        // Oversize text in a column is a rejected row, told in the preview; it is never stored.
        assertThat(send(multipart(event + "/attendance/preview")
                .file(csv("name,email,discipline,organization,state\n" + LONG + ",ana@example.org,nurse,Clinic,PR\n"))).getContentAsString())
                .contains("name is missing or longer than 200 characters");
        assertThat(jdbc.sql("select count(*) from event_attendance where event_id = ?").param(id)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from pending_import where subject = ?").param(String.valueOf(id))
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aNumberWithAHugeExponentStaysShort() throws Exception {
        String event = mvc.perform(post("/admin/events").with(csrf()).cookie(admin)
                        .param("title", "Exponent " + UUID.randomUUID()).param("kind", "WEBINAR")
                        .param("startsOn", "2026-03-04").param("endsOn", "2026-03-04").param("area", "IMR")
                        .param("format", "ONLINE").param("audience", "All").param("region", "NJ"))
                .andReturn().getResponse().getRedirectedUrl();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(written, "Test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Export");
            String[] header = {"name", "email", "discipline", "organization", "state"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            sheet.value(1, 0, "Ana");
            sheet.value(1, 1, 424242);
            sheet.value(1, 2, "nurse");
            sheet.value(1, 3, "Clinic");
            sheet.value(1, 4, "PR");
        }
        // What a spreadsheet would never write, but a zip editor can: 1 followed by a billion zeros.
        ByteArrayOutputStream edited = new ByteArrayOutputStream();
        try (ZipFile in = ZipFile.builder().setByteArray(written.toByteArray()).get();
                ZipOutputStream out = new ZipOutputStream(edited)) {
            for (ZipArchiveEntry entry : Collections.list(in.getEntries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(new String(in.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8)
                        .replace(">424242<", ">1E999999999<").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        assertThat(send(multipart(event + "/attendance/preview").file(new MockMultipartFile("file", "e.xlsx",
                "application/octet-stream", edited.toByteArray()))).getContentAsString())
                .contains("email &#39;1E+999999999&#39; is not an email address");
    }

    /** 2 KB of zip that unpacks to 40 MB: what a workbook's declared sizes cannot be trusted about. */
    private static MockMultipartFile zipBomb() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 40; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return new MockMultipartFile("file", "bomb.xlsx", "application/octet-stream", bytes.toByteArray());
    }

    /** A workbook whose only sheet holds the rows given, as XML. */
    private static MockMultipartFile sheet(String rows) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    + rows + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return new MockMultipartFile("file", "sheet.xlsx", "application/octet-stream", bytes.toByteArray());
    }

    private static MockMultipartFile manyParts() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < 1_000; i++) {
                zip.putNextEntry(new ZipEntry("part" + i + ".xml"));
                zip.closeEntry();
            }
        }
        return new MockMultipartFile("file", "parts.xlsx", "application/octet-stream", bytes.toByteArray());
    }
}
