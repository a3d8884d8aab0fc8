package org.imrplatform.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/** What a learner who has finished a course sees: where to go next, and their scores, on every visit. */
@PlatformTest
class FinishedCourseTest {

    private static final String COURSE = "/courses/test-course";

    @Autowired
    MockMvc mvc;

    private String page(String address, Cookie learner, String language) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(get(address).cookie(learner).header("Accept-Language", language))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theFinishedCoursePageLeadsToTheEvaluationThenToTheCertificate() throws Exception {
        Cookie learner = Learners.register(mvc, Learners.email("finisher"));
        Learners.completeTestCourse(mvc, learner);
        assertThat(page(COURSE, learner, "en")).contains("You have completed this course.")
                .contains("<a href=\"/courses/test-course/evaluation\">Evaluate this course to get your certificate</a>")
                .doesNotContain("Resume where you left off", "/my-learning/certificates/test-course\"");

        Learners.completeAndEvaluateTestCourse(mvc, learner);
        assertThat(page(COURSE + "/evaluation", learner, "en"))
                .contains("Thank you: your evaluation is submitted.")
                .contains("<a class=\"button\" href=\"/my-learning/certificates/test-course\">Get your certificate</a>");
        assertThat(page(COURSE + "/evaluation", learner, "es"))
                .contains(">Obtenga su certificado</a>");
        assertThat(page(COURSE, learner, "en")).contains("You have completed this course.")
                .contains("<a href=\"/my-learning/certificates/test-course\">Your certificate</a>")
                .doesNotContain("Resume where you left off", "Evaluate this course");
    }

    @Test
    void knowledgeTestScoresStayOnShowAfterTheSecondSitting() throws Exception {
        Cookie learner = Learners.register(mvc, Learners.email("scores"));
        sit(learner, "before", "0", "1");
        assertThat(page("/my-learning", learner, "en")).doesNotContain("Knowledge test:");
        Learners.completeTestCourse(mvc, learner);
        sit(learner, "after", "1", "0");
        for (int visit = 0; visit < 2; visit++) {
            assertThat(page("/my-learning", learner, "en"))
                    .contains("Knowledge test: 0% correct before the course, 100% after.");
            assertThat(page(COURSE, learner, "en"))
                    .contains("Knowledge test: 0% correct before the course, 100% after.");
        }
        assertThat(page("/my-learning", learner, "es"))
                .contains("Prueba de conocimientos: 0 % correcto antes del curso, 100 % despu\u00e9s.");
    }

    @Test
    void attemptsAreCountedInWords() throws Exception {
        Cookie learner = Learners.register(mvc, Learners.email("attempts"));
        String check = COURSE + "/modules/basics/slides/check/answers";
        mvc.perform(get(COURSE + "/modules/basics/slides/check").cookie(learner));
        mvc.perform(post(check).with(csrf()).cookie(learner).param("q-nonlinear", "1").param("q-elements", "0", "1"));
        assertThat(page("/my-learning", learner, "en")).contains("Passed (1 attempt)").doesNotContain("(s)");
        assertThat(page("/my-learning", learner, "es")).contains("Aprobado (1 intento)");
        mvc.perform(post(check).with(csrf()).cookie(learner).param("q-nonlinear", "0").param("q-elements", "2"));
        assertThat(page("/my-learning", learner, "en")).contains("Passed (2 attempts)").doesNotContain("(s)");
        assertThat(page("/my-learning", learner, "es")).contains("Aprobado (2 intentos)");
    }

    private void sit(Cookie learner, String phase, String straight, String hope) throws Exception {
        mvc.perform(post(COURSE + "/knowledge-test/" + phase).with(csrf()).cookie(learner)
                .param("q-straight", straight).param("q-hope", hope));
    }
}
