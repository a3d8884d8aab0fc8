package org.imrplatform.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;

import org.imrplatform.support.PlatformTest;
import org.imrplatform.support.PracticeGroups;
import org.imrplatform.support.PracticeRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A group's outcomes on the whole-picture pages, against figures worked out by hand. */
@PlatformTest
class GroupOutcomesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aGroupsOutcomesMatchTheHandComputedFigures() throws Exception {
        PracticeGroups groups = PracticeGroups.create(mvc, jdbc);
        PracticeRecords records = new PracticeRecords(mvc, jdbc, groups.facilitatorA());
        String one = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), "O-1");
        String two = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), "O-2");
        String three = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), "O-3");
        // One: goal with a step done, a plan, self-ratings 3 then 4 (change +1.00), one clinician rating only.
        records.goalWithAStepDone(one, LocalDate.of(2025, 2, 3));
        records.plan(one);
        records.imrs(one, "CLIENT", LocalDate.of(2025, 1, 10), 3);
        records.imrs(one, "CLIENT", LocalDate.of(2025, 4, 10), 4);
        records.imrs(one, "CLINICIAN", LocalDate.of(2025, 1, 10), 2);
        // Two: goal with a step done, no plan, self-ratings 2 then 2 (change 0.00).
        records.goalWithAStepDone(two, LocalDate.of(2025, 2, 10));
        records.imrs(two, "CLIENT", LocalDate.of(2025, 1, 10), 2);
        records.imrs(two, "CLIENT", LocalDate.of(2025, 4, 10), 2);
        // Two sessions: one and two at the first (90 min), one alone at the second (90 min): 270 min / 3 people
        // = 1.5 hours each.
        records.session(groups.groupA(), LocalDate.of(2025, 2, 3), 1, one, two);
        records.session(groups.groupA(), LocalDate.of(2025, 2, 10), 1, one);
        // Three: left, nothing else.
        mvc.perform(post("/practice/participants/" + three + "/ending").with(csrf()).cookie(groups.facilitatorA())
                .param("status", "LEFT").param("endedOn", "2025-03-01"));

        String page = mvc.perform(get("/practice/facilitators/" + groups.facilitatorAId() + "/overview")
                .cookie(groups.facilitatorA())).andReturn().getResponse().getContentAsString();
        String row = page.substring(page.indexOf("<th scope=\"row\">Monday "));
        row = row.substring(0, row.indexOf("</tr>"));
        // 3 people, 2 taking part; goals 2 of 3 = 67%; plans 1 of 3 = 33%; 2 steps; self-rating change
        // (1.00 + 0.00) / 2 = 0.50 over 2 people; no clinician change (one rating only).
        assertThat(row.replaceAll("\\s+", " ")).contains(
                "<td>3 (2)</td> <td>2</td> <td>1.5</td>", "<span>2 (67%)</span>", "<span>1 (33%)</span>", "<td>2</td>",
                "<td>+0.50 (2 rated twice or more)</td>", "<td>Not yet: nobody rated twice</td>");

        String program = mvc.perform(get("/practice/programs/" + groups.programId() + "/overview")
                .cookie(groups.administrator())).andReturn().getResponse().getContentAsString();
        assertThat(program).contains("<span>2 (67%)</span>", "<td>0 (0)</td>");
    }
}
