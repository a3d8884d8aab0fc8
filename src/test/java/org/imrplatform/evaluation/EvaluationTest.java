package org.imrplatform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Learners who completed a course evaluate it once; drafts are kept, bad answers explained, submissions final. */
@PlatformTest
class EvaluationTest {

    private static final String EVALUATION = "/courses/test-course/evaluation";
    private static final String EVALUATOR = Learners.email("evaluator");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private static MockHttpServletRequestBuilder evaluation(Cookie learner, String action) {
        return post(EVALUATION).with(csrf()).cookie(learner).param("action", action);
    }

    private Cookie completedLearner(String email) throws Exception {
        Cookie learner = Learners.register(mvc, email);
        Learners.completeTestCourse(mvc, learner);
        return learner;
    }

    @Test
    void opensOnlyAfterTheCourseIsComplete() throws Exception {
        Cookie learner = Learners.register(mvc, Learners.email("early"));
        mvc.perform(get(EVALUATION).cookie(learner))
                .andExpect(content().string(containsString("opens once you have completed every module")));
        mvc.perform(evaluation(learner, "submit").param("overallQuality", "5").param("recommend", "5")
                .param("benefit", "5").param("useInPractice", "5"));
        assertThat(rows(Learners.email("early"))).isZero();
    }

    @Test
    void aDraftIsKeptAndASubmissionIsFinal() throws Exception {
        Cookie learner = completedLearner(EVALUATOR);
        mvc.perform(get("/courses/test-course").cookie(learner))
                .andExpect(content().string(containsString("Evaluate this course")));

        mvc.perform(evaluation(learner, "draft").param("overallQuality", "4").param("comments", "Good so far"))
                .andExpect(redirectedUrl(EVALUATION + "?saved"));
        mvc.perform(get(EVALUATION + "?saved").cookie(learner)).andExpect(content().string(allOf(
                containsString("Your answers are saved."), containsString("Good so far"),
                containsString("value=\"4\" id=\"overallQuality-4\" name=\"overallQuality\" checked"))));

        mvc.perform(evaluation(learner, "submit").param("overallQuality", "4").param("recommend", "5")
                        .param("benefit", "4").param("useInPractice", "3").param("comments", "Very useful"))
                .andExpect(redirectedUrl(EVALUATION + "?submitted"));
        mvc.perform(get(EVALUATION).cookie(learner)).andExpect(content().string(allOf(
                containsString("your evaluation is submitted"), containsString("Very useful"),
                containsString("3 — Neither agree nor disagree"), not(containsString("<form method=\"post\" class=\"form\"")))));

        mvc.perform(evaluation(learner, "submit").param("overallQuality", "1").param("recommend", "1")
                .param("benefit", "1").param("useInPractice", "1").param("comments", "Changed my mind"));
        assertThat(jdbc.sql("""
                        select e.overall_quality from course_evaluation e join account a on a.id = e.account_id
                        where a.email_key = ?
                        """).param(EVALUATOR).query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void aSubmissionNeedsEveryRating() throws Exception {
        Cookie learner = completedLearner(Learners.email("incomplete.eval"));
        mvc.perform(evaluation(learner, "submit").param("overallQuality", "5"))
                .andExpect(content().string(allOf(containsString("There is a problem"),
                        containsString("Choose an answer from 1 to 5 before submitting."))));
        assertThat(rows(Learners.email("incomplete.eval"))).isZero();
    }

    @Test
    void outOfRangeAndTamperedAnswersAreRefused() throws Exception {
        Cookie learner = completedLearner(Learners.email("tamper.eval"));
        mvc.perform(evaluation(learner, "submit").param("overallQuality", "9").param("recommend", "5")
                        .param("benefit", "0").param("useInPractice", "5").param("comments", "x".repeat(4001)))
                .andExpect(content().string(allOf(containsString("Choose one of the answers from 1 to 5."),
                        containsString("Comments can be up to 4,000 characters"))));
        mvc.perform(evaluation(learner, "submit").param("overallQuality", "5").param("recommend", "abc")
                        .param("benefit", "5").param("useInPractice", "5"))
                .andExpect(content().string(containsString("This is not one of the choices. Choose again.")));
        assertThat(rows(Learners.email("tamper.eval"))).isZero();
    }

    @Test
    void evaluatingNeedsSigningIn() throws Exception {
        mvc.perform(get(EVALUATION)).andExpect(redirectedUrl("/login"));
    }

    private int rows(String email) {
        return jdbc.sql("""
                        select count(*) from course_evaluation e join account a on a.id = e.account_id
                        where a.email_key = ?
                        """).param(email).query(Integer.class).single();
    }
}
