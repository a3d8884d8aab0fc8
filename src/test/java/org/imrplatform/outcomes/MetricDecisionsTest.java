package org.imrplatform.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The decisions docs/metrics.md writes down where it once left the figures open (whose state and discipline a
 * person has, what a respondent is, how a tie rounds, what a learner's own account gives), each pinned the way an
 * evaluator meets it: files imported through the previews, figures read from the CSV export. Each test has an area
 * of focus of its own, so nothing else falls in its figures.
 */
@PlatformTest
class MetricDecisionsTest {

    private static final Pattern PENDING = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"");
    private static final String ATTENDANCE = "name,email,discipline,organization,state\n";
    private static final String SURVEY = "email,overall_quality,recommend,benefit,use_in_practice,comments\n";

    @Autowired
    MockMvc mvc;

    private Cookie admin;
    private String area;

    @BeforeEach
    void anAreaOfItsOwn() throws Exception {
        admin = Learners.administrator(mvc);
        area = "Decisions " + UUID.randomUUID();
    }

    private String event(String inArea, String startsOn) throws Exception {
        return mvc.perform(post("/admin/events").with(csrf()).cookie(admin).param("title", "Decision event")
                        .param("kind", "WEBINAR").param("startsOn", startsOn).param("endsOn", startsOn)
                        .param("area", inArea).param("format", "ONLINE").param("audience", "All").param("region", "NJ"))
                .andExpect(redirectedUrlPattern("/admin/events/*")).andReturn().getResponse().getRedirectedUrl();
    }

    /** Previews the file and confirms what the preview offers. */
    private void imported(String event, String kind, String csv) throws Exception {
        String page = mvc.perform(multipart(event + "/" + kind + "/preview").file(new MockMultipartFile("file",
                        "export.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))).with(csrf()).cookie(admin))
                .andReturn().getResponse().getContentAsString();
        Matcher pending = PENDING.matcher(page);
        assertThat(pending.find()).as("the preview offers to confirm").isTrue();
        mvc.perform(post(event + "/" + kind).with(csrf()).cookie(admin).param("pending", pending.group(1)))
                .andExpect(redirectedUrlPattern("/admin/events/*"));
    }

    /** The area's figures for 2026 as the CSV export gives them, one line per figure. */
    private String figures() throws Exception {
        return mvc.perform(get("/admin/outcomes/export.csv").param("from", "2026-01-01").param("to", "2026-12-31")
                        .param("area", area).cookie(admin))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aPersonsStateAndDisciplineAreThoseOfTheirFirstImportedAttendanceWhateverItsArea() throws Exception {
        String person = Learners.email("first.record");
        String elsewhere = event("Elsewhere " + UUID.randomUUID(), "2026-05-01");
        String here = event(area, "2026-02-01");
        imported(elsewhere, "attendance", ATTENDANCE + "Ana Rivera," + person + ",nurse,Clinic,NY\n");
        // Imported later, though its event came first: it does not change what the person told first.
        imported(here, "attendance", ATTENDANCE + "Ana Rivera," + person.toUpperCase() + ",counselor,Agency,PR\n");

        assertThat(figures()).contains("Participants engaged,1,").contains("Participants engaged in New York,1,")
                .contains("Participants engaged: Nurse,1,").doesNotContain("Puerto Rico").doesNotContain("Counselor");
    }

    @Test
    void aLearnersOwnAccountGivesTheirStateAndDisciplineOverAttendance() throws Exception {
        // Registered in New Jersey as a counselor (Learners.register), never opened a course, attended as a nurse
        // from Puerto Rico: the account, which the person filled in themselves, wins for both.
        String learner = Learners.email("own.account");
        Learners.register(mvc, learner);
        imported(event(area, "2026-03-01"), "attendance",
                ATTENDANCE + "Lee Learner," + learner.toUpperCase() + ",nurse,Clinic,PR\n");

        assertThat(figures()).contains("Participants engaged,1,").contains("Participants engaged in New Jersey,1,")
                .contains("Participants engaged: Counselor,1,").doesNotContain("Puerto Rico").doesNotContain("Nurse");
    }

    @Test
    void respondentsAreAnswersToTheItemNotPeople() throws Exception {
        // One person answers two events' surveys; an anonymous answer skips all but one item.
        String person = Learners.email("two.surveys");
        imported(event(area, "2026-04-01"), "surveys", SURVEY + person + ",5,4,,,\n,,2,,,\n");
        imported(event(area, "2026-04-02"), "surveys", SURVEY + person + ",2,,,,\n");

        assertThat(figures()).contains("Satisfied with overall quality,50%,2")
                .contains("Would recommend to colleagues,50%,2")
                .contains("Information will benefit development,,0");
    }

    @Test
    void aShareExactlyHalfwayRoundsUp() throws Exception {
        // Eight anonymous answers: 1 of 8 (12.5%) satisfied with the quality, 3 of 8 (37.5%) would recommend.
        imported(event(area, "2026-06-01"), "surveys", SURVEY + ",5,4,,,\n,1,4,,,\n,1,4,,,\n" + ",1,2,,,\n".repeat(5));

        assertThat(figures()).contains("Satisfied with overall quality,13%,8")
                .contains("Would recommend to colleagues,38%,8");
    }
}
