package org.imrplatform.learn;

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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The same test before and after the course shows each learner, and the cohort, what was gained. */
@PlatformTest
class KnowledgeTestTest {

    private static final String TEST = "/courses/test-course/knowledge-test/";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private static MockHttpServletRequestBuilder sit(Cookie learner, String phase, String straight, String hope) {
        return post(TEST + phase).with(csrf()).cookie(learner).param("q-straight", straight).param("q-hope", hope);
    }

    @Test
    void beforeAndAfterShowTheLearnersGain() throws Exception {
        Cookie learner = Learners.register(mvc, Learners.email("gainer"));
        mvc.perform(get(TEST + "before").cookie(learner))
                .andExpect(content().string(allOf(containsString("Is recovery a straight line?"),
                        containsString("The answers are not shown"))));
        mvc.perform(sit(learner, "before", "0", "1")).andExpect(redirectedUrl(TEST + "before"));
        mvc.perform(get(TEST + "before").cookie(learner)).andExpect(content().string(allOf(
                containsString("You scored 0%."), not(containsString("Ups and downs are normal.")))));

        mvc.perform(get(TEST + "after").cookie(learner))
                .andExpect(content().string(containsString("opens once you have completed every module")));
        Learners.completeTestCourse(mvc, learner);
        mvc.perform(sit(learner, "after", "1", "0"));
        mvc.perform(get(TEST + "after").cookie(learner)).andExpect(content().string(allOf(
                containsString("You scored 100%."),
                containsString("Before the course you scored 0%; after it, 100%: a change of 100 points."))));
    }

    @Test
    void eachSittingCountsOnce() throws Exception {
        Cookie learner = Learners.register(mvc, Learners.email("once"));
        mvc.perform(sit(learner, "before", "1", "0"));
        mvc.perform(sit(learner, "before", "0", "1")).andExpect(redirectedUrl(TEST + "before"));
        mvc.perform(get(TEST + "before").cookie(learner)).andExpect(content().string(containsString("You scored 100%.")));
    }

    @Test
    void answersSentAtTheSameMomentMakeOneSitting() throws Exception {
        String email = Learners.email("parallel-sitter");
        Cookie learner = Learners.register(mvc, email);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> sittings = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String straight = String.valueOf(i % 2);
                sittings.add(() -> mvc.perform(sit(learner, "before", straight, "0")).andReturn().getResponse()
                        .getStatus());
            }
            for (Future<Integer> status : pool.invokeAll(sittings)) {
                assertThat(status.get()).isEqualTo(302);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from check_attempt where module_id = '_test' and account_id ="
                        + " (select id from account where email_key = ?)").param(email).query(Integer.class).single())
                .as("one sitting stored, however many were sent").isEqualTo(1);
    }

    @Test
    void unansweredAndTamperedAnswersAreExplained() throws Exception {
        Cookie learner = Learners.register(mvc, Learners.email("tamper.test"));
        mvc.perform(post(TEST + "before").with(csrf()).cookie(learner).param("q-hope", "7"))
                .andExpect(content().string(allOf(containsString("Question 1: choose an answer."),
                        containsString("Question 2: the answer sent is not one of the options."))));
        mvc.perform(get(TEST + "before").cookie(learner)).andExpect(content().string(not(containsString("You scored"))));
    }

    @Test
    void anUnknownSittingIsNotFound() throws Exception {
        Cookie learner = Learners.register(mvc, Learners.email("sitting"));
        mvc.perform(get(TEST + "during").cookie(learner)).andExpect(status().isNotFound());
    }

    @Test
    void administratorsSeeTheCohortsGain() throws Exception {
        Cookie first = Learners.register(mvc, Learners.email("cohort.one"));
        mvc.perform(sit(first, "before", "0", "0"));
        Learners.completeTestCourse(mvc, first);
        mvc.perform(sit(first, "after", "1", "0"));

        mvc.perform(get("/admin/knowledge-gain").cookie(Learners.administrator(mvc)))
                .andExpect(content().string(allOf(containsString("Test knowledge test, question by question"),
                        containsString(" sat both: "), not(containsString("learner(s)")), containsString("Is recovery a straight line?"))));
    }
}
