package org.imrplatform.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Reviews through the web: drafts, refused ratings, submit, the lock, revisions, who sees what, the audit log. */
@PlatformTest
class FidelityReviewTest {

    /** The 13 IMR Fidelity Scale items, in order. */
    private static final List<String> SCALE = List.of("group-size", "program-length", "curriculum", "handouts",
            "significant-others", "goal-setting", "goal-follow-up", "motivation", "education",
            "cognitive-behavioral", "coping-skills", "relapse-prevention", "medication-tailoring");
    /** The 13 required IT-IS items, in order; the three optional ones follow. */
    private static final List<String> ITIS = List.of("relationship", "recovery-orientation", "curriculum", "goals",
            "action-planning", "action-plan-review", "motivational", "educational", "cognitive-behavioral",
            "significant-others", "structure", "all-members", "member-support");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private Cookie admin;
    private Cookie reviewer;
    private Cookie facilitator;
    private Cookie otherFacilitator;
    private long facilitatorId;
    private long reviewerId;
    private long programId;
    private long groupId;

    @BeforeEach
    void setUpAProgram() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        admin = Learners.administrator(mvc);
        reviewer = Learners.withRoles(mvc, jdbc, "reviewer." + run + "@example.org", "Rita Reviewer", "REVIEWER");
        facilitator = Learners.withRoles(mvc, jdbc, "fac." + run + "@example.org", "Fátima Núñez", "FACILITATOR");
        otherFacilitator = Learners.withRoles(mvc, jdbc, "other." + run + "@example.org", "Otto Other",
                "FACILITATOR");
        facilitatorId = accountId("fac." + run + "@example.org");
        reviewerId = accountId("reviewer." + run + "@example.org");
        adminPost("/admin/programs/sites", "siteName", "Site " + run);
        long siteId = jdbc.sql("select id from site where name = ?").param("Site " + run).query(Long.class).single();
        adminPost("/admin/programs/programs", "siteId", String.valueOf(siteId), "programName", "Adult IMR");
        programId = jdbc.sql("select id from imr_program where site_id = ?").param(siteId).query(Long.class).single();
        adminPost("/admin/programs/groups", "programId", String.valueOf(programId), "groupName", "Tuesday group");
        groupId = jdbc.sql("select id from imr_group where program_id = ?").param(programId).query(Long.class).single();
        adminPost("/admin/programs/facilitators", "groupId", String.valueOf(groupId), "accountId",
                String.valueOf(facilitatorId));
    }

    @Test
    void aProgrammaticReviewGoesFromDraftToLockedReportToRevision() throws Exception {
        long id = startProgramReview();
        mvc.perform(get("/practice/reviews/" + id).cookie(reviewer)).andExpect(content().string(allOf(
                containsString("Every session is one-to-one or has 8 participants or fewer."),
                containsString("<legend>1. Number of people in a session or group</legend>"))));

        mvc.perform(rate(id, "draft", SCALE.subList(0, 2), 5).param("sources", "INTERVIEW")
                        .param("notes[group-size]", "Two groups of seven."))
                .andExpect(redirectedUrl("/practice/reviews/" + id + "?saved"));
        mvc.perform(rate(id, "submit", SCALE.subList(0, 2), 5))
                .andExpect(content().string(allOf(containsString("There is a problem"),
                        containsString("href=\"#rating[curriculum]\""),
                        containsString("Rate item 3, “Comprehensiveness of the curriculum”."),
                        containsString("Rate item 13, “Behavioral tailoring for medication”."))));
        mvc.perform(rate(id, "draft", SCALE, 4, "group-size", "6"))
                .andExpect(content().string(containsString(
                        "Item 1, “Number of people in a session or group”: a rating must be a whole number from 1 to 5.")));
        mvc.perform(rate(id, "draft", SCALE, 4, "made-up", "3"))
                .andExpect(content().string(containsString("The form named items this instrument does not have")));
        mvc.perform(rate(id, "draft", SCALE, 4).param("sources", "GUESSWORK"))
                .andExpect(content().string(containsString("A source of evidence is not one of the choices.")));
        assertThat(jdbc.sql("select rating from fidelity_rating where review_id = ? and item_id = 'curriculum'")
                .param(id).query(Integer.class).optional()).as("refused answers are not saved").isEmpty();

        // 5+4+3+4+2+5+4+3+4+4+2+3+4 = 47; 47 / 13 = 3.62, moderate
        MockHttpServletRequestBuilder complete = rate(id, "submit", SCALE, 4, "group-size", "5", "curriculum", "3",
                "significant-others", "2", "goal-setting", "5", "motivation", "3", "coping-skills", "2",
                "relapse-prevention", "3").param("sources", "CHART_REVIEW", "OBSERVATION");
        mvc.perform(complete).andExpect(redirectedUrl("/practice/reviews/" + id + "?submitted"));
        mvc.perform(get("/practice/reviews/" + id).cookie(reviewer)).andExpect(content().string(allOf(
                containsString("Feedback report: IMR Fidelity Scale"), containsString("3.62"),
                containsString("of 13 rated items (total 47)"), containsString("Moderate fidelity"),
                containsString("5. Involvement of significant others: 2"),
                containsString("Ask each participant whom they would like to involve"),
                containsString("Chart review, "), containsString("Observation"),
                not(containsString("Ask about last week")))));

        mvc.perform(rate(id, "draft", SCALE, 5)).andExpect(status().isConflict())
                .andExpect(content().string(containsString("This review is submitted and locked")));
        assertThat(jdbc.sql("select rating from fidelity_rating where review_id = ? and item_id = 'curriculum'")
                .param(id).query(Integer.class).single()).as("a locked review keeps its ratings").isEqualTo(3);

        String revision = mvc.perform(post("/practice/reviews/" + id + "/revision").with(csrf()).cookie(reviewer))
                .andReturn().getResponse().getRedirectedUrl();
        long revisionId = Long.parseLong(revision.substring(revision.lastIndexOf('/') + 1));
        assertThat(revisionId).isNotEqualTo(id);
        mvc.perform(get(revision).cookie(reviewer)).andExpect(content().string(allOf(
                containsString("<dd>2 · Draft</dd>"),
                containsString("value=\"3\" id=\"rating-curriculum-3\" checked=\"checked\""))));
        mvc.perform(post("/practice/reviews/" + id + "/revision").with(csrf()).cookie(reviewer))
                .andExpect(redirectedUrl(revision));
        mvc.perform(rate(revisionId, "submit", SCALE, 4)).andExpect(redirectedUrl(revision + "?submitted"));
        mvc.perform(get(revision).cookie(reviewer)).andExpect(content().string(allOf(
                containsString("<dd>2 · Submitted</dd>"), containsString("Revision 1, reviewed on"))));
        mvc.perform(get("/practice/reviews/" + id).cookie(reviewer))
                .andExpect(content().string(containsString("Revision 2 replaces this review")));

        assertThat(jdbc.sql("select action from review_audit where review_id = ? order by id").param(id)
                .query(String.class).list())
                .startsWith("CREATED", "VIEWED", "SAVED").contains("SUBMITTED", "REFUSED");
        mvc.perform(get("/admin/audit").cookie(admin)).andExpect(content().string(allOf(
                containsString("Rita Reviewer"), containsString("Change refused (locked)"))));
    }

    @Test
    void facilitatorsSeeOnlyTheirOwnSubmittedReviews() throws Exception {
        long id = startSessionReview();
        mvc.perform(get("/practice/reviews/" + id).cookie(facilitator)).andExpect(status().isNotFound());
        // Optional items not applicable: 4*10 + 5*3 = 55; 55 / 13 = 4.23
        mvc.perform(rate(id, "submit", ITIS, 4, "structure", "5", "all-members", "5", "member-support", "5",
                        "coping-skills", "na", "relapse-prevention", "na", "medication-tailoring", "na"))
                .andExpect(redirectedUrl("/practice/reviews/" + id + "?submitted"));

        mvc.perform(get("/practice/reviews/" + id).cookie(facilitator)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Fátima Núñez"), containsString("4.23"),
                        containsString("Very good"), containsString("Strengths"),
                        containsString("1. Therapeutic relationship: 4"), not(containsString("Make a revision")))));
        byte[] pdf = mvc.perform(get("/practice/reviews/" + id + "/report.pdf").cookie(facilitator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Feedback report: IMR Treatment Integrity Scale (IT-IS)")
                    .contains("Tuesday group · Fátima Núñez").contains("Mean 4.23 of 13 rated items (total 55): Very good")
                    .contains("14. Coping skills training: Not applicable");
        }
        mvc.perform(get("/practice").cookie(facilitator)).andExpect(content().string(containsString(
                "/practice/reviews/" + id + "\"")));
        mvc.perform(get("/practice/reviews/" + id).cookie(otherFacilitator)).andExpect(status().isNotFound());
        mvc.perform(get("/practice/reviews/" + id + "/report.pdf").cookie(otherFacilitator))
                .andExpect(status().isNotFound());
        mvc.perform(get("/practice/reviews/999999999").cookie(otherFacilitator)).andExpect(status().isNotFound());
        mvc.perform(get("/practice").cookie(otherFacilitator)).andExpect(content().string(not(containsString(
                "/practice/reviews/" + id + "\""))));
        mvc.perform(post("/practice/reviews/" + id + "/revision").with(csrf()).cookie(facilitator))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select action from review_audit where review_id = ? and account_id = ? order by id")
                .params(id, facilitatorId).query(String.class).list()).containsExactly("VIEWED", "DOWNLOADED");
    }

    @Test
    void aWholeMeanPrintsWithTwoDecimalsOnThePageAndInThePdf() throws Exception {
        long id = startSessionReview();
        // Every required item rated 4, optional items left as not applicable: 52 / 13 = 4.00, not "4".
        mvc.perform(rate(id, "submit", ITIS, 4)).andExpect(redirectedUrl("/practice/reviews/" + id + "?submitted"));
        mvc.perform(get("/practice/reviews/" + id).cookie(facilitator))
                .andExpect(content().string(containsString("<dd>4.00</dd>")));
        byte[] pdf = mvc.perform(get("/practice/reviews/" + id + "/report.pdf").cookie(facilitator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Mean 4.00 of 13 rated items (total 52)");
        }
    }

    @Test
    void theFeedbackReportPdfIsTaggedNumberedAndInTheReadersLanguage() throws Exception {
        long id = startSessionReview();
        // Every required item below the target: thirteen suggestions, so the report runs over one page.
        mvc.perform(rate(id, "submit", ITIS, 3)
                        .param("notes[relationship]", "Staff gave efficient, fluent reflections."))
                .andExpect(redirectedUrl("/practice/reviews/" + id + "?submitted"));

        PrintedPdf english = PrintedPdf.read(report(id, "en"))
                .assertAccessible("en", "Feedback report: IMR Treatment Integrity Scale (IT-IS)");
        assertThat(english.pages()).isGreaterThan(1);
        assertThat(english.structure()).contains("H1", "H2", "P", "L", "LI");
        assertThat(english.text()).contains("Mean 3.00 of 13 rated items (total 39)")
                .contains("Strengths No item reached the target yet.")
                .contains("1. Therapeutic relationship: 3 — ").contains("14. Coping skills training: —")
                .contains("Notes: Staff gave efficient, fluent reflections.")
                .contains("Page 1 of " + english.pages()).contains("Page 2 of " + english.pages());

        PrintedPdf spanish = PrintedPdf.read(report(id, "es"))
                .assertAccessible("es", "Informe de retroalimentación: IMR Treatment Integrity Scale (IT-IS)");
        assertThat(spanish.text()).contains("Media 3.00 de 13 ítems puntuados (total 39)").contains("Fortalezas")
                .contains("Página 1 de " + spanish.pages()).doesNotContain("Strengths");
    }

    private byte[] report(long id, String language) throws Exception {
        return mvc.perform(get("/practice/reviews/" + id + "/report.pdf")
                        .cookie(facilitator, new Cookie("imr-lang", language)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    @Test
    void onlyOptionalItemsMayBeNotApplicable() throws Exception {
        long id = startSessionReview();
        mvc.perform(rate(id, "submit", ITIS, 3, "goals", "na"))
                .andExpect(content().string(containsString("Item 4, “Goals”, is not optional: rate it from 1 to 5.")));
        // Optional items left blank count as not applicable too: 13 rated, all 3
        mvc.perform(rate(id, "submit", ITIS, 3)).andExpect(redirectedUrl("/practice/reviews/" + id + "?submitted"));
        mvc.perform(get("/practice/reviews/" + id).cookie(reviewer)).andExpect(content().string(allOf(
                containsString("of 13 rated items (total 39)"), containsString("Satisfactory"))));
    }

    @Test
    void aProgramsAndAFacilitatorsReviewsOverTime() throws Exception {
        long first = startProgramReview("2025-09-01");
        mvc.perform(rate(first, "submit", SCALE, 3, "handouts", "5"));
        long second = startProgramReview("2026-03-02");
        mvc.perform(rate(second, "submit", SCALE, 4, "handouts", "2"));
        long draft = startProgramReview("2026-04-01");

        // First: 12 * 3 + 5 = 41 / 13 = 3.15; second: 12 * 4 + 2 = 50 / 13 = 3.85; change +0.7
        String history = "/practice/programs/" + programId + "/history";
        mvc.perform(get(history).cookie(facilitator)).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Adult IMR over time"), containsString("<svg"), containsString("<polyline"),
                containsString("aria-labelledby=\"history-0-chart\""),
                containsString("<td>3.15</td>"), containsString("<td>3.85</td>"), containsString("<td>+0.7</td>"),
                containsString("<td>-3</td>"), containsString("<td>+1</td>"),
                containsString("/practice/reviews/" + second + "\""),
                not(containsString("/practice/reviews/" + draft + "\"")))));
        mvc.perform(get(history).cookie(otherFacilitator)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from review_audit where review_id = ? and action = 'VIEWED_IN_HISTORY'")
                .param(second).query(Integer.class).single()).isEqualTo(1);

        long session = startSessionReview();
        mvc.perform(rate(session, "submit", ITIS, 5));
        mvc.perform(get("/practice/facilitators/" + facilitatorId + "/history").cookie(facilitator))
                .andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("Fátima Núñez: session reviews over time"), containsString("<td>5.00</td>"))));
        mvc.perform(get("/practice/facilitators/" + facilitatorId + "/history").cookie(otherFacilitator))
                .andExpect(status().isNotFound());

        // The whole picture joins the same trends: the facilitator's sessions and the programs they lead in.
        mvc.perform(get("/practice/facilitators/" + facilitatorId + "/overview").cookie(facilitator))
                .andExpect(content().string(allOf(containsString("Fátima Núñez: the whole picture"),
                        containsString("Latest mean 5.00"), containsString("aria-labelledby=\"session-trend-0\""),
                        containsString("id=\"session-trend-0\""), containsString("Latest mean 3.85"),
                        containsString("change since the review before: +0.7"))));
        mvc.perform(get("/practice/programs/" + programId + "/overview").cookie(reviewer))
                .andExpect(content().string(allOf(containsString("Adult IMR: the whole picture"),
                        containsString("Latest mean 3.85"), containsString("Fátima Núñez"))));
        mvc.perform(get("/practice/facilitators/" + facilitatorId + "/overview").cookie(otherFacilitator))
                .andExpect(status().isNotFound());
        mvc.perform(get("/practice/programs/" + programId + "/overview").cookie(otherFacilitator))
                .andExpect(status().isNotFound());

        mvc.perform(get("/admin/fidelity/sites").cookie(admin)).andExpect(content().string(allOf(
                containsString("Sites compared"), containsString("<th scope=\"col\">Site " ),
                containsString("<td>3.85</td>"))));
    }

    @Test
    void nobodyReviewsTheirOwnWork() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Cookie self = Learners.withRoles(mvc, jdbc, "self." + run + "@example.org", "Sam Self", "REVIEWER",
                "FACILITATOR");
        long selfId = accountId("self." + run + "@example.org");
        adminPost("/admin/programs/facilitators", "groupId", String.valueOf(groupId), "accountId",
                String.valueOf(selfId));

        mvc.perform(get("/practice/reviews/new").param("instrument", "it-is").cookie(self))
                .andExpect(content().string(allOf(containsString("value=\"" + groupId + "-" + facilitatorId + "\""),
                        not(containsString("value=\"" + groupId + "-" + selfId + "\"")))));
        mvc.perform(get("/practice/reviews/new").param("instrument", "imr-fidelity-scale").cookie(self))
                .andExpect(content().string(not(containsString("value=\"" + programId + "\""))));
        // Forged posts naming their own session or program
        mvc.perform(post("/practice/reviews").with(csrf()).cookie(self).param("instrument", "it-is")
                        .param("facilitation", groupId + "-" + selfId).param("sessionMode", "LIVE")
                        .param("reviewedOn", "2026-03-03"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You facilitate these sessions, so someone else must")));
        mvc.perform(post("/practice/reviews").with(csrf()).cookie(self).param("instrument", "imr-fidelity-scale")
                        .param("programId", String.valueOf(programId)).param("reviewedOn", "2026-03-03"))
                .andExpect(content().string(containsString("You lead a group in this program")));
        assertThat(jdbc.sql("select count(*) from fidelity_review where created_by = ?").param(selfId)
                .query(Long.class).single()).isZero();

        // A colleague's draft of their session: they may read it, not rate it
        long id = created(mvc.perform(post("/practice/reviews").with(csrf()).cookie(reviewer)
                .param("instrument", "it-is").param("facilitation", groupId + "-" + selfId)
                .param("sessionMode", "LIVE").param("reviewedOn", "2026-03-03")).andReturn().getResponse()
                .getRedirectedUrl());
        mvc.perform(get("/practice/reviews/" + id).cookie(self)).andExpect(content().string(allOf(
                containsString("someone else must rate and revise it"), not(containsString("value=\"submit\"")))));
        MockHttpServletRequestBuilder selfRating = post("/practice/reviews/" + id).with(csrf()).cookie(self)
                .param("action", "submit");
        ITIS.forEach(item -> selfRating.param("rating[" + item + "]", "5"));
        mvc.perform(selfRating).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("someone else must rate and revise it")));
        assertThat(jdbc.sql("select count(*) from fidelity_rating where review_id = ?").param(id).query(Long.class)
                .single()).isZero();

        mvc.perform(rate(id, "submit", ITIS, 3)).andExpect(redirectedUrl("/practice/reviews/" + id + "?submitted"));
        mvc.perform(get("/practice/reviews/" + id).cookie(self))
                .andExpect(content().string(not(containsString("Make a revision"))));
        mvc.perform(post("/practice/reviews/" + id + "/revision").with(csrf()).cookie(self))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("someone else must rate and revise it")));
        assertThat(jdbc.sql("select count(*) from fidelity_review where revision_of = ?").param(id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select action from review_audit where review_id = ? and account_id = ? order by id")
                .params(id, selfId).query(String.class).list())
                .containsExactly("VIEWED", "REFUSED_OWN_WORK", "VIEWED", "REFUSED_OWN_WORK");
    }

    @Test
    void aNewReviewIsDatedTodayInIsoAndRefusesWhatWasNotOffered() throws Exception {
        mvc.perform(get("/practice/reviews/new").param("instrument", "it-is").cookie(reviewer))
                .andExpect(content().string(containsString("type=\"date\" id=\"reviewedOn\" name=\"reviewedOn\" value=\""
                        + LocalDate.now(ZoneOffset.UTC) + "\"")));
        long before = reviewsBy(reviewerId);
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        String valid = groupId + "-" + facilitatorId;
        Map<String, String[]> refused = new LinkedHashMap<>();
        refused.put("Enter a date between 1990-01-01 and 2100-12-31.", new String[] {"reviewedOn", "1899-12-31"});
        refused.put("Enter a date between 1990-01-01", new String[] {"reviewedOn", "9999-12-31"});
        refused.put("The review date cannot be later than today.", new String[] {"reviewedOn", tomorrow});
        refused.put("Enter the date as year-month-day", new String[] {"reviewedOn", "31/12/2025"});
        refused.put("Enter the date of the review.", new String[] {"reviewedOn", ""});
        refused.put("This text holds a control character", new String[] {"facilitation", valid + "\u0000"});
        refused.put("This is not one of the choices.", new String[] {"sessionMode", "NOPE"});
        refused.put("Choose the facilitator and group.", new String[] {"facilitation", groupId + "-" + accountId(
                "admin@example.org")});
        refused.put("Choose the facilitator and group. ", new String[] {"facilitation", "x".repeat(10_000)});
        for (Map.Entry<String, String[]> attempt : refused.entrySet()) {
            Map<String, String> params = new LinkedHashMap<>(Map.of("instrument", "it-is", "facilitation", valid,
                    "sessionMode", "LIVE", "reviewedOn", "2026-03-03"));
            params.put(attempt.getValue()[0], attempt.getValue()[1]);
            MockHttpServletRequestBuilder request = post("/practice/reviews").with(csrf()).cookie(reviewer);
            params.forEach(request::param);
            mvc.perform(request).andExpect(status().isOk())
                    .andExpect(content().string(containsString(attempt.getKey().strip())));
        }
        for (String program : new String[] {"abc", "999999999", "-1", "", "1\u0000"}) {
            mvc.perform(post("/practice/reviews").with(csrf()).cookie(reviewer)
                            .param("instrument", "imr-fidelity-scale").param("programId", program)
                            .param("reviewedOn", "2026-03-03"))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("There is a problem")));
        }
        mvc.perform(post("/practice/reviews").with(csrf()).cookie(reviewer).param("instrument", "NOPE")
                .param("reviewedOn", "2026-03-03")).andExpect(status().isNotFound());
        assertThat(reviewsBy(reviewerId)).as("nothing stored").isEqualTo(before);
    }

    @Test
    void theRatingSheetRefusesWhatWasNotOffered() throws Exception {
        long id = startSessionReview();
        String[][] refused = {
                {"rating[relationship]", "99", "a rating must be a whole number from 1 to 5"},
                {"rating[relationship]", "\u0000", "This is not one of the choices."},
                {"notes[relationship]", "Seen\u0000", "These notes hold a control character"},
                {"notes[relationship]", "x".repeat(10_000), "use at most 2,000 characters for the notes"},
                {"rating[NOPE]", "3", "The form named items this instrument does not have"},
                {"sources", "NOPE", "A source of evidence is not one of the choices."},
        };
        for (String[] attempt : refused) {
            mvc.perform(rate(id, "draft", ITIS, 4).param(attempt[0], attempt[1])).andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("There is a problem"),
                            containsString(attempt[2]))));
        }
        mvc.perform(rate(id, "submit", List.of(), 4)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Rate item 1")));
        mvc.perform(rate(id, "draft\u0000", ITIS, 4)).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from fidelity_rating where review_id = ?").param(id).query(Long.class)
                .single()).as("nothing stored").isZero();
        assertThat(jdbc.sql("select status from fidelity_review where id = ?").param(id).query(String.class)
                .single()).isEqualTo("DRAFT");
    }

    /** Names no rating sheet sends, reaching below its fields, are refused as a bad request, not a server error. */
    @Test
    void theRatingSheetRefusesFieldNamesItDoesNotHave() throws Exception {
        long id = startSessionReview();
        for (String name : List.of("rating[relationship][x]", "notes[relationship][x]", "sources[0]",
                "sources[0].x")) {
            mvc.perform(rate(id, "draft", ITIS, 4).param(name, "3")).andExpect(status().isBadRequest());
        }
        assertThat(jdbc.sql("select count(*) from fidelity_rating where review_id = ?").param(id).query(Long.class)
                .single()).as("nothing stored").isZero();
    }

    private long reviewsBy(long accountId) {
        return jdbc.sql("select count(*) from fidelity_review where created_by = ?").param(accountId)
                .query(Long.class).single();
    }

    private long startProgramReview() throws Exception {
        return startProgramReview("2026-03-02");
    }

    private long startProgramReview(String reviewedOn) throws Exception {
        return created(mvc.perform(post("/practice/reviews").with(csrf()).cookie(reviewer)
                .param("instrument", "imr-fidelity-scale").param("programId", String.valueOf(programId))
                .param("reviewedOn", reviewedOn)).andReturn().getResponse().getRedirectedUrl());
    }

    private long startSessionReview() throws Exception {
        mvc.perform(post("/practice/reviews").with(csrf()).cookie(reviewer).param("instrument", "it-is")
                        .param("facilitation", groupId + "-" + facilitatorId).param("reviewedOn", "2026-03-03"))
                .andExpect(content().string(containsString("Choose how the session was seen.")));
        return created(mvc.perform(post("/practice/reviews").with(csrf()).cookie(reviewer).param("instrument", "it-is")
                .param("facilitation", groupId + "-" + facilitatorId).param("sessionMode", "RECORDED")
                .param("reviewedOn", "2026-03-03")).andReturn().getResponse().getRedirectedUrl());
    }

    private static long created(String location) {
        assertThat(location).startsWith("/practice/reviews/");
        return Long.parseLong(location.substring("/practice/reviews/".length()));
    }

    /** A post of the rating sheet giving each of the items the same rating, except the item-value pairs given. */
    private MockHttpServletRequestBuilder rate(long id, String action, List<String> items, int rating,
            String... except) {
        Map<String, String> ratings = new LinkedHashMap<>();
        items.forEach(item -> ratings.put(item, String.valueOf(rating)));
        for (int i = 0; i < except.length; i += 2) {
            ratings.put(except[i], except[i + 1]);
        }
        MockHttpServletRequestBuilder request = post("/practice/reviews/" + id).with(csrf()).cookie(reviewer)
                .param("action", action);
        ratings.forEach((item, value) -> request.param("rating[" + item + "]", value));
        return request;
    }

    private void adminPost(String path, String... params) throws Exception {
        MockHttpServletRequestBuilder request = post(path).with(csrf()).cookie(admin);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        mvc.perform(request).andExpect(redirectedUrl("/admin/programs"));
    }

    private long accountId(String email) {
        return jdbc.sql("select id from account where email_key = ?").param(email).query(Long.class).single();
    }
}
