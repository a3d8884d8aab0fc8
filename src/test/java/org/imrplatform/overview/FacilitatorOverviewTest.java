package org.imrplatform.overview;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.imrplatform.support.PracticeGroups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A facilitator's whole picture shows their training in the platform's courses, to them and their supervisors. */
@PlatformTest
class FacilitatorOverviewTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theTrainingShowsEachCourseCompletedWithItsCertificate() throws Exception {
        PracticeGroups groups = PracticeGroups.create(mvc, jdbc);
        String overview = "/practice/facilitators/" + groups.facilitatorAId() + "/overview";
        mvc.perform(get(overview).cookie(groups.facilitatorA())).andExpect(content().string(allOf(
                containsString("Ana Facilitator: the whole picture"), containsString("Not yet"),
                containsString("No submitted review yet."), containsString("Monday "), containsString("Friday "),
                not(containsString("Thursday ")))));

        Learners.completeAndEvaluateTestCourse(mvc, groups.facilitatorA());
        String page = mvc.perform(get("/my-learning/certificates/test-course").cookie(groups.facilitatorA()))
                .andReturn().getResponse().getContentAsString();
        String code = page.replaceAll("(?s).*([2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}).*", "$1");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        mvc.perform(get(overview).cookie(groups.administrator())).andExpect(content().string(allOf(
                matchesPattern("(?s).*<td>" + today + "</td>\\s*<td>" + code + "</td>.*"))));
        // Another facilitator is not their supervisor; a learner's id is nobody's whole picture.
        mvc.perform(get(overview).cookie(groups.facilitatorB())).andExpect(status().isNotFound());
        mvc.perform(get("/practice/programs/" + groups.programId() + "/overview").cookie(groups.facilitatorA()))
                .andExpect(content().string(allOf(containsString("Ana Facilitator"),
                        containsString("Beto Facilitator"))));
    }
}
