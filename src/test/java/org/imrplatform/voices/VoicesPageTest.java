package org.imrplatform.voices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The administrator reads an area's comments and publishes the chosen ones, each in its language; the public API
 * then gives exactly those. Writers are never shown, forms sent twice or at once publish once, and nobody but an
 * administrator gets in.
 */
@PlatformTest
@RecordApplicationEvents
class VoicesPageTest {

    private static final String PAGE = "/admin/outcomes/voices";
    private static final LocalDate DAY = LocalDate.of(2026, 2, 10);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Voices voices;

    @Autowired
    ApplicationEvents events;

    private FieldRecords records;
    private Cookie admin;
    private String area;
    private long event;

    @BeforeEach
    void anAreaOfItsOwn() throws Exception {
        records = new FieldRecords(mvc, jdbc);
        admin = Learners.administrator(mvc);
        area = "Voices " + UUID.randomUUID();
        event = records.event(area, DAY);
    }

    private ResultActions publish(Cookie who, String comment, String language) throws Exception {
        return mvc.perform(post(PAGE + "/publish").with(csrf()).cookie(who).param("comment", comment)
                .param("language", language).param("area", area).param("from", "2026-01-01")
                .param("to", "2026-12-31").param("page", "1"));
    }

    private ResultActions unpublish(String comment) throws Exception {
        return mvc.perform(post(PAGE + "/unpublish").with(csrf()).cookie(admin).param("comment", comment)
                .param("area", area).param("from", "2026-01-01").param("to", "2026-12-31"));
    }

    private String page(String query) throws Exception {
        return mvc.perform(get(PAGE + query).cookie(admin).locale(Locale.ENGLISH)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private String areaPage() throws Exception {
        return page("?from=2026-01-01&to=2026-12-31&area=" + area);
    }

    private long publications(String comment) {
        CommentRef ref = CommentRef.parse(comment).orElseThrow();
        return jdbc.sql("select count(*) from voice_publication where source = ? and comment_id = ?")
                .params(ref.source().key, ref.id()).query(Long.class).single();
    }

    private long audits(String comment) {
        CommentRef ref = CommentRef.parse(comment).orElseThrow();
        return jdbc.sql("select count(*) from voice_audit where source = ? and comment_id = ?")
                .params(ref.source().key, ref.id()).query(Long.class).single();
    }

    @Test
    void theAdministratorPublishesOneCommentPerLanguageAndUnpublishesAtOnce() throws Exception {
        String marker = UUID.randomUUID().toString();
        String spanish = records.evaluation("Me ayudó a hablar de metas " + marker, DAY);
        String otherEvaluation = records.evaluation("Not for the page " + marker, DAY);
        String english = records.survey(event, "The examples made recovery concrete");
        records.survey(event, "Too long for a webinar");

        String before = page("?from=2026-01-01&to=2026-12-31");
        assertThat(before).contains("Me ayudó a hablar de metas " + marker, "Voices from the field")
                .contains("id=\"comment-" + spanish + "\"");

        publish(admin, spanish, "es").andExpect(redirectedUrlPattern(PAGE + "?*#comment-" + spanish))
                .andExpect(flash().attribute("done", "voices.published.es"));
        publish(admin, english, "en").andExpect(flash().attribute("done", "voices.published.en"));

        assertThat(voices.published(area, "en")).containsExactly(new Voice("The examples made recovery concrete"));
        assertThat(voices.published(area, "es")).isEmpty();
        assertThat(voices.published(FieldRecords.COURSE_AREA, "es").stream().map(Voice::text)
                .filter(text -> text.contains(marker))).containsExactly("Me ayudó a hablar de metas " + marker);
        assertThat(voices.published(FieldRecords.COURSE_AREA, "en").stream().map(Voice::text)
                .filter(text -> text.contains(marker))).isEmpty();
        assertThat(events.stream(VoicesChanged.class)).containsExactly(
                new VoicesChanged(FieldRecords.COURSE_AREA), new VoicesChanged(area));
        assertThat(areaPage()).contains("Published in English", "Un-publish");
        assertThat(publications(otherEvaluation)).isZero();

        unpublish(english).andExpect(flash().attribute("done", "voices.unpublished"));
        assertThat(voices.published(area, "en")).isEmpty();
        assertThat(events.stream(VoicesChanged.class)).hasSize(3).last().isEqualTo(new VoicesChanged(area));
        assertThat(jdbc.sql("select action from voice_audit where comment_id = ? and source = 'survey' order by id")
                .param(CommentRef.parse(english).orElseThrow().id()).query(String.class).list())
                .containsExactly("PUBLISHED", "UNPUBLISHED");
        unpublish(english).andExpect(flash().attribute("done", "voices.notPublished"));
        assertThat(events.stream(VoicesChanged.class)).hasSize(3);
    }

    @Test
    void choosingNoneShowsNone() throws Exception {
        records.survey(event, "Nobody chose this one");
        assertThat(voices.published(area, "en")).isEmpty();
        assertThat(voices.published(area, "es")).isEmpty();
        assertThat(areaPage()).contains("Nobody chose this one", "Not published.");
    }

    @Test
    void writersAreNeverShownAndTextIsEscaped() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String evaluation = records.evaluation("<b>Bold</b> & <script>alert('" + marker + "')</script>", DAY);
        records.survey(event, "<img src=x onerror=alert(1)> fine");
        String writer = jdbc.sql("""
                        select a.email from account a join course_evaluation e on e.account_id = a.id where e.id = ?
                        """).param(CommentRef.parse(evaluation).orElseThrow().id()).query(String.class).single();
        String respondent = jdbc.sql("select response_key from event_survey_response where event_id = ?")
                .param(event).query(String.class).single();

        String html = page("?from=2026-01-01&to=2026-12-31&area=");
        assertThat(html).contains("&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;script&gt;alert(")
                .doesNotContain("<script>alert('" + marker).doesNotContain("<b>Bold</b>")
                .doesNotContain(writer).doesNotContain("Rosa Writer");
        assertThat(areaPage()).contains("&lt;img src=x onerror=alert(1)&gt; fine").doesNotContain("<img src=x")
                .doesNotContain(respondent);
    }

    @Test
    void aReplayedFormPublishesOnce() throws Exception {
        String comment = records.survey(event, "Sent twice");
        publish(admin, comment, "en").andExpect(flash().attribute("done", "voices.published.en"));
        publish(admin, comment, "es").andExpect(flash().attribute("done", "voices.alreadyPublished"));
        publish(admin, comment, "en").andExpect(flash().attribute("done", "voices.alreadyPublished"));
        assertThat(publications(comment)).isEqualTo(1);
        assertThat(audits(comment)).isEqualTo(1);
        assertThat(voices.published(area, "en")).containsExactly(new Voice("Sent twice"));
        assertThat(voices.published(area, "es")).isEmpty();
    }

    @Test
    void parallelRequestsPublishOnce() throws Exception {
        String comment = records.survey(event, "Sent at once");
        // Two administrators, or two devices: one session each (flash messages of one session are stored per request).
        List<Cookie> sessions = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sessions.add(Learners.administrator(mvc));
        }
        List<Future<MockHttpServletResponse>> sent = new ArrayList<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            for (Cookie session : sessions) {
                sent.add(senders.submit(() -> publish(session, comment, "en").andReturn().getResponse()));
            }
        }
        for (Future<MockHttpServletResponse> response : sent) {
            assertThat(response.get().getStatus()).isEqualTo(302);
        }
        assertThat(publications(comment)).isEqualTo(1);
        assertThat(audits(comment)).isEqualTo(1);
        assertThat(voices.published(area, "en")).containsExactly(new Voice("Sent at once"));
    }

    @Test
    void aForgedOrEmptyCommentGetsAClearMessageAndChangesNothing() throws Exception {
        String comment = records.survey(event, "Stays unpublished");
        for (String forged : List.of("survey-999999999999", "evaluation-999999999999", "", "   ", "survey-abc",
                "account-1", "survey-1 or 1=1", "<script>", "survey-99999999999999999999")) {
            publish(admin, forged, "en").andExpect(flash().attribute("problem", "voices.comment.unknown"));
            unpublish(forged).andExpect(flash().attribute("problem", "voices.comment.unknown"));
        }
        mvc.perform(post(PAGE + "/publish").with(csrf()).cookie(admin))
                .andExpect(flash().attribute("problem", "voices.comment.unknown"));
        for (String language : List.of("", "fr", "EN ", "english")) {
            publish(admin, comment, language).andExpect(flash().attribute("problem", "voices.language.required"));
        }
        // A control character is refused before the page looks at it, like in every form of the platform.
        publish(admin, comment, "e\u0000n").andExpect(status().isBadRequest());
        publish(admin, comment + "\u0007", "en").andExpect(status().isBadRequest());
        assertThat(publications(comment)).isZero();
        assertThat(events.stream(VoicesChanged.class)).isEmpty();

        String back = publish(admin, "survey-999999999999", "en").andReturn().getResponse().getRedirectedUrl();
        assertThat(mvc.perform(get(URI.create(back)).cookie(admin).locale(Locale.ENGLISH)).andReturn().getResponse()
                .getContentAsString()).contains("There is no such comment (it may have been erased)");
    }

    @Test
    void aFormWithoutItsTokenIsRefused() throws Exception {
        String comment = records.survey(event, "No token");
        mvc.perform(post(PAGE + "/publish").cookie(admin).param("comment", comment).param("language", "en"))
                .andExpect(status().isForbidden());
        assertThat(publications(comment)).isZero();
    }

    @Test
    void onlyAdministratorsGetIn() throws Exception {
        String comment = records.survey(event, "Not theirs to publish");
        Cookie learner = Learners.register(mvc, Learners.email("vl" + UUID.randomUUID().toString().substring(0, 6)));
        Cookie facilitator = Learners.withRoles(mvc, jdbc,
                Learners.email("vf" + UUID.randomUUID().toString().substring(0, 6)), "Fay Facilitator", "FACILITATOR");
        for (Cookie who : List.of(learner, facilitator)) {
            mvc.perform(get(PAGE).cookie(who)).andExpect(status().isForbidden());
            publish(who, comment, "en").andExpect(status().isForbidden());
        }
        mvc.perform(get(PAGE)).andExpect(status().is3xxRedirection());
        mvc.perform(post(PAGE + "/publish").with(csrf()).param("comment", comment).param("language", "en"))
                .andExpect(status().is3xxRedirection());
        assertThat(publications(comment)).isZero();
    }

    @Test
    void anErasedCommentLeavesThePageAtOnce() throws Exception {
        String marker = UUID.randomUUID().toString();
        String comment = records.evaluation("Will be erased " + marker, DAY);
        publish(admin, comment, "en").andExpect(flash().attribute("done", "voices.published.en"));
        assertThat(voices.published(FieldRecords.COURSE_AREA, "en")).contains(new Voice("Will be erased " + marker));

        jdbc.sql("delete from account where id = (select account_id from course_evaluation where id = ?)")
                .param(CommentRef.parse(comment).orElseThrow().id()).update();

        assertThat(voices.published(FieldRecords.COURSE_AREA, "en")).doesNotContain(new Voice("Will be erased " + marker));
        assertThat(page("?from=2026-01-01&to=2026-12-31")).doesNotContain(marker);
        unpublish(comment).andExpect(flash().attribute("problem", "voices.comment.unknown"));
    }

    @Test
    void fiveThousandCommentsComeFiftyAPageNewestFirst() throws Exception {
        long older = records.event(area, DAY.minusDays(1));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            rows.add(new Object[] {i < 10 ? event : older, "r" + i, "Comment number " + i + ".",
                    OffsetDateTime.now(ZoneOffset.UTC)});
        }
        for (Object[] row : rows) {
            jdbc.sql("insert into event_survey_response (event_id, response_key, comments, imported_at)"
                    + " values (?, ?, ?, ?)").params(row).update();
        }

        String first = areaPage();
        assertThat(count(first, "class=\"card\"")).isEqualTo(50);
        assertThat(first).contains("Comments 1 to 50 of 5000, newest first.", "Page 2 of 100")
                .contains("Comment number 9.").doesNotContain("Comment number 10.");
        String last = page("?from=2026-01-01&to=2026-12-31&area=" + area + "&page=100");
        assertThat(count(last, "class=\"card\"")).isEqualTo(50);
        assertThat(last).contains("Comments 4951 to 5000 of 5000", "Page 99 of 100");
        mvc.perform(get(PAGE + "?from=2026-01-01&to=2026-12-31&area=" + area + "&page=99999999999").cookie(admin))
                .andExpect(status().isOk());
        mvc.perform(get(PAGE + "?from=2026-01-01&to=2026-12-31&area=" + area + "&page=500").cookie(admin))
                .andExpect(redirectedUrlPattern(PAGE + "?*page=100"));
    }

    @Test
    void unreadableOrBackwardDatesAreSaidAndTheLastYearShown() throws Exception {
        assertThat(page("?from=2026-13-01&area=" + area)).contains("Enter dates like 2026-01-31");
        assertThat(page("?from=2026-05-01&to=2026-01-01&area=" + area)).contains("The end date is before the start");
        assertThat(page("?from=0202-05-01&area=" + area)).contains("Enter years between 1990 and 2100");
    }

    private static int count(String html, String text) {
        Matcher found = Pattern.compile(Pattern.quote(text)).matcher(html);
        int n = 0;
        while (found.find()) {
            n++;
        }
        return n;
    }
}
