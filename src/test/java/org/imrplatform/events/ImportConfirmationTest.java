package org.imrplatform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The confirmation of an import imports the file that was previewed, once, for the person who previewed it: the
 * page carries only the id of the file kept on the server, and every other id is refused with a reason.
 */
@PlatformTest
class ImportConfirmationTest {

    private static final Pattern PENDING = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"");
    private static final String CSV = "name,email,discipline,organization,state\n"
            + "Ana Rivera,ana@example.org,nurse,Clinic,PR\nDee Moss,dee@example.org,counselor,Agency,NJ\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private Cookie admin;
    private String event;

    @BeforeEach
    void anEvent() throws Exception {
        admin = Learners.administrator(mvc);
        event = newEvent();
    }

    private String newEvent() throws Exception {
        return mvc.perform(post("/admin/events").with(csrf()).cookie(admin).param("title", "Pending " + UUID.randomUUID())
                        .param("kind", "WEBINAR").param("startsOn", "2026-03-04").param("endsOn", "2026-03-04")
                        .param("area", "Illness Management and Recovery").param("format", "ONLINE")
                        .param("audience", "Practitioners").param("region", "NJ"))
                .andExpect(redirectedUrlPattern("/admin/events/*")).andReturn().getResponse().getRedirectedUrl();
    }

    private String preview(Cookie who, String event, String kind, String csv) throws Exception {
        String page = mvc.perform(multipart(event + "/" + kind + "/preview").file(new MockMultipartFile("file",
                        "export.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))).with(csrf()).cookie(who))
                .andReturn().getResponse().getContentAsString();
        Matcher pending = PENDING.matcher(page);
        assertThat(pending.find()).as("the preview offers to confirm").isTrue();
        return pending.group(1);
    }

    private MockHttpServletResponse confirm(Cookie who, String event, String kind, String pending) throws Exception {
        MockHttpServletResponse response = mvc.perform(post(event + "/" + kind).with(csrf()).cookie(who)
                .param("pending", pending)).andReturn().getResponse();
        assertThat(response.getStatus()).as("answer to a confirmation").isLessThan(500);
        return response;
    }

    private int attendees(String event) {
        return jdbc.sql("select count(*) from event_attendance where event_id = ?").param(id(event))
                .query(Integer.class).single();
    }

    private static long id(String event) {
        return Long.parseLong(event.substring(event.lastIndexOf('/') + 1));
    }

    private int pendingRows(String id) {
        return jdbc.sql("select count(*) from pending_import where id = ?").param(id).query(Integer.class).single();
    }

    @Test
    void aConfirmedPreviewIsImportedOnceAndThenGone() throws Exception {
        String pending = preview(admin, event, "attendance", CSV);
        assertThat(pending).matches("[A-Za-z0-9_-]{43}");
        assertThat(confirm(admin, event, "attendance", pending).getRedirectedUrl()).isEqualTo(event);
        assertThat(attendees(event)).isEqualTo(2);
        assertThat(pendingRows(pending)).isZero();

        assertThat(confirm(admin, event, "attendance", pending).getContentAsString())
                .contains("it was already imported").contains("Nothing was added.");
        assertThat(attendees(event)).isEqualTo(2);
    }

    @Test
    void onlyThePersonWhoPreviewedCanConfirm() throws Exception {
        Cookie other = Learners.withRoles(mvc, jdbc, "other.admin." + UUID.randomUUID() + "@example.org",
                "Other Admin", "ADMINISTRATOR");
        String pending = preview(admin, event, "attendance", CSV);
        assertThat(confirm(other, event, "attendance", pending).getContentAsString())
                .contains("made by someone else");
        assertThat(attendees(event)).isZero();
        // Trying someone else's id takes nothing away from them.
        confirm(admin, event, "attendance", pending);
        assertThat(attendees(event)).isEqualTo(2);
    }

    @Test
    void aPreviewIsConfirmedOnlyForItsEventAndKind() throws Exception {
        String pending = preview(admin, event, "attendance", CSV);
        String elsewhere = newEvent();
        assertThat(confirm(admin, elsewhere, "attendance", pending).getContentAsString())
                .contains("another event or another kind of import");
        assertThat(confirm(admin, event, "surveys", pending).getContentAsString())
                .contains("another event or another kind of import");
        assertThat(attendees(elsewhere)).isZero();
        assertThat(jdbc.sql("select count(*) from event_survey_response where event_id = ?").param(id(event))
                .query(Integer.class).single()).isZero();
        assertThat(pendingRows(pending)).isOne();
    }

    @Test
    void anExpiredPreviewIsRefusedAndRemoved() throws Exception {
        String pending = preview(admin, event, "attendance", CSV);
        jdbc.sql("update pending_import set expires_at = ? where id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), pending).update();
        assertThat(confirm(admin, event, "attendance", pending).getContentAsString())
                .contains("This preview expired").contains("Nothing was added.");
        assertThat(attendees(event)).isZero();
        assertThat(pendingRows(pending)).isZero();
    }

    @Test
    void expiredPreviewsAreClearedByTheNextOne() throws Exception {
        String old = preview(admin, event, "attendance", CSV);
        jdbc.sql("update pending_import set expires_at = ? where id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), old).update();
        preview(admin, event, "surveys", "email,overall_quality,recommend,benefit,use_in_practice,comments\n,5,5,5,5,\n");
        assertThat(pendingRows(old)).isZero();
    }

    @Test
    void forgedEmptyAndNonsenseIdsImportNothing() throws Exception {
        preview(admin, event, "attendance", CSV);
        List<String> forged = List.of("", "   ", "abc", "%%%'; drop table pending_import; --",
                "A".repeat(43), "x".repeat(10_000), "bmFtZSxlbWFpbAo=", "caf\u00e9\u00e9");
        for (String id : forged) {
            assertThat(confirm(admin, event, "attendance", id).getContentAsString()).as(id)
                    .contains("There is no previewed file waiting under this confirmation");
        }
        assertThat(mvc.perform(post(event + "/attendance").with(csrf()).cookie(admin)).andReturn().getResponse()
                .getContentAsString()).contains("There is no previewed file waiting");
        assertThat(mvc.perform(post(event + "/attendance").with(csrf()).cookie(admin, new Cookie("imr-lang", "es")))
                .andReturn().getResponse().getContentAsString())
                .contains("No hay un archivo en vista previa esperando esta confirmaci\u00f3n");
        for (String id : List.of("\u0000", "a\u0001b")) {
            assertThat(confirm(admin, event, "attendance", id).getStatus()).as("control character in the id")
                    .isEqualTo(400);
        }
        assertThat(attendees(event)).isZero();
    }

    @Test
    void simultaneousConfirmationsImportOnce() throws Exception {
        String pending = preview(admin, event, "attendance", CSV);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<MockHttpServletResponse>> confirmations = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                confirmations.add(() -> confirm(admin, event, "attendance", pending));
            }
            int imported = 0;
            for (Future<MockHttpServletResponse> answer : pool.invokeAll(confirmations)) {
                if (answer.get().getRedirectedUrl() != null) {
                    imported++;
                } else {
                    assertThat(answer.get().getContentAsString()).contains("it was already imported");
                }
            }
            assertThat(imported).isOne();
        } finally {
            pool.shutdown();
        }
        assertThat(attendees(event)).isEqualTo(2);
    }
}
