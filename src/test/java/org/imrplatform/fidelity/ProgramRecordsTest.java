package org.imrplatform.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.imrplatform.support.PracticeGroups;
import org.imrplatform.support.PracticeRecords;
import org.imrplatform.support.PrintedPdf;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A reviewer rating a program on the IMR Fidelity Scale sees, beside the items that are shares of participants, the
 * figure from the program's records with the rating the anchors give it; the report notes where they differ.
 */
@PlatformTest
class ProgramRecordsTest {

    private static final List<String> SCALE = List.of("group-size", "program-length", "curriculum", "handouts",
            "significant-others", "goal-setting", "goal-follow-up", "motivation", "education", "cognitive-behavioral",
            "coping-skills", "relapse-prevention", "medication-tailoring");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theRecordsSuggestARatingAndTheReportNotesWhereTheReviewerDiffers() throws Exception {
        // The program's participants joined on 2025-01-06 (PracticeGroups), so all count as long enough in.
        PracticeGroups groups = PracticeGroups.create(mvc, jdbc);
        PracticeRecords records = new PracticeRecords(mvc, jdbc, groups.facilitatorA());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // Four taking part: one with a goal followed up this week and a plan, one with a plan only, two with nothing.
        String one = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), "F-1");
        PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), "F-2");
        PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), "F-3");
        String four = PracticeGroups.addParticipant(mvc, groups.facilitatorB(), groups.groupB(), "F-4");
        records.goalWithAStepDone(one, today);
        records.plan(one);
        new PracticeRecords(mvc, jdbc, groups.facilitatorB()).plan(four);
        String two = jdbc.sql("select public_id from participant where code = 'F-2' and program_id = ?")
                .param(groups.programId()).query(String.class).single();
        String three = jdbc.sql("select public_id from participant where code = 'F-3' and program_id = ?")
                .param(groups.programId()).query(String.class).single();
        records.session(groups.groupA(), today.minusDays(7), 1, one, two);
        records.session(groups.groupA(), today.minusDays(14), 7, one, two, three);
        records.session(groups.groupA(), today.minusDays(21), 6, one);

        Cookie reviewer = Learners.withRoles(mvc, jdbc, Learners.email("records-reviewer"), "Rita Reviewer",
                "REVIEWER");
        String location = mvc.perform(post("/practice/reviews").with(csrf()).cookie(reviewer)
                        .param("instrument", "imr-fidelity-scale").param("programId", String.valueOf(groups.programId()))
                        .param("reviewedOn", today.toString()))
                .andReturn().getResponse().getRedirectedUrl();
        String form = mvc.perform(get(location).cookie(reviewer)).andReturn().getResponse().getContentAsString();
        // Goal setting 1 of 4 = 25% -> 2; follow-up 1 of 4 -> 2; plans 2 of 4 = 50% -> 3.
        assertThat(form).contains(
                "1 of 4 participants taking part in the 6 months before the review (25%) have a written recovery goal;"
                        + " the anchors suggest 2.",
                "1 of 4 participants taking part in the 6 months before the review (25%) had a goal follow-up in the"
                        + " last month; the anchors suggest 2.",
                "2 of 4 participants taking part in the 6 months before the review (50%) have a relapse prevention"
                        + " plan; the anchors suggest 3.",
                // Largest session 3 people -> 5; modules 1 and 7 are topic areas, 6 is not -> 2 of 9 -> 2;
                // nobody has 20 sessions -> 0 of 4 -> 1.
                "the largest of the 3 sessions held in the 6 months before the review had 3 participants; the anchors"
                        + " suggest 5.",
                "sessions so far covered 2 of the 9 topic areas the scale counts; the anchors suggest 2.",
                "0 of 4 participants who joined at least 6 months before the review (0%) attended 20 sessions or"
                        + " more, about six months of weekly sessions; the anchors suggest 1.");

        MockHttpServletRequestBuilder rate = post(location).with(csrf()).cookie(reviewer).param("action", "submit");
        SCALE.forEach(item -> rate.param("rating[" + item + "]", item.equals("goal-setting") ? "5" : "3"));
        var rated = mvc.perform(rate).andReturn().getResponse();
        assertThat(rated.getStatus()).as(rated.getContentAsString().replaceAll("(?s).*error-summary|</ul>.*", ""))
                .isEqualTo(302);
        String report = mvc.perform(get(location).cookie(reviewer)).andReturn().getResponse().getContentAsString();
        String differences = report.substring(report.indexOf("Where the rating differs"));
        differences = differences.substring(0, differences.indexOf("</dl>"));
        // Goal setting (5 against 2) and goal follow-up (3 against 2) differ; relapse prevention (3) agrees.
        assertThat(differences).contains("IMR goal setting: 5", "the anchors suggest 2.", "IMR goal follow-up: 3")
                .doesNotContain("relapse prevention plan; the anchors suggest 3.");
        byte[] pdf = mvc.perform(get(location + "/report.pdf").cookie(reviewer)).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(PrintedPdf.read(pdf).text().replaceAll("\\s+", " "))
                .contains("Where the rating differs from the program's records", "IMR goal setting: 5");
    }
}
