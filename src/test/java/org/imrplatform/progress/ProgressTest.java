package org.imrplatform.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** A signed-in learner's place is saved on every slide and picked up on any device. */
@PlatformTest
class ProgressTest {

    private static final String COURSE = "/courses/test-course";
    private static final String MODULE = COURSE + "/modules/basics";

    @Autowired
    MockMvc mvc;

    @Test
    void theLearnerResumesWhereTheyLeftOffOnAnotherDevice() throws Exception {
        Cookie laptop = Learners.register(mvc, Learners.email("resumer"));
        mvc.perform(get(MODULE + "/slides/welcome").cookie(laptop)).andExpect(status().isOk());
        mvc.perform(get(MODULE + "/slides/elements").cookie(laptop)).andExpect(status().isOk());

        Cookie phone = Learners.signIn(mvc, Learners.email("resumer"));
        assertThat(phone.getValue()).isNotEqualTo(laptop.getValue());
        mvc.perform(get(COURSE).cookie(phone))
                .andExpect(content().string(allOf(
                        containsString("Resume where you left off: Common elements"),
                        containsString("href=\"/courses/test-course/modules/basics/slides/elements\""),
                        containsString("2 of 8 slides seen"), containsString("0 of 1 slides seen"),
                        containsString("You have seen 22% of this course."))));
    }

    @Test
    void revisitingASlideMovesThePlaceButCountsOnce() throws Exception {
        Cookie learner = Learners.register(mvc, Learners.email("revisit"));
        mvc.perform(get(MODULE + "/slides/story").cookie(learner));
        mvc.perform(get(MODULE + "/slides/welcome").cookie(learner));
        mvc.perform(get(MODULE + "/slides/story").cookie(learner));
        mvc.perform(get(COURSE).cookie(learner))
                .andExpect(content().string(allOf(containsString("Resume where you left off: A recovery story"),
                        containsString("2 of 8 slides seen"))));
    }

    @Test
    void visitorsAreToldProgressNeedsSigningIn() throws Exception {
        mvc.perform(get(COURSE)).andExpect(content().string(allOf(
                containsString("Your progress is saved only when you are signed in."),
                not(containsString("Resume where you left off")))));
    }

    @Test
    void myLearningShowsOnlyTheLearnersOwnCourses() throws Exception {
        Cookie ana = Learners.register(mvc, Learners.email("ana.learning"));
        mvc.perform(get(MODULE + "/slides/reflect").cookie(ana));
        Cookie ben = Learners.register(mvc, Learners.email("ben.learning"));

        mvc.perform(get("/my-learning").cookie(ana)).andExpect(content().string(allOf(
                containsString("Test course for every slide kind"),
                containsString("Resume where you left off: What does recovery mean to you?"))));
        mvc.perform(get("/my-learning").cookie(ben)).andExpect(content().string(allOf(
                containsString("You have not started a course yet."),
                not(containsString("Resume where you left off")))));
    }

    @Test
    void myLearningNeedsSigningIn() throws Exception {
        mvc.perform(get("/my-learning")).andExpect(redirectedUrl("/login"));
    }
}
