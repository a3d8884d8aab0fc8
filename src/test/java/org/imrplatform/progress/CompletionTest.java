package org.imrplatform.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.imrplatform.course.CourseCatalog;
import org.imrplatform.course.CourseVersion;
import org.imrplatform.course.packaging.CoursePackage;
import org.imrplatform.support.Learners;
import org.imrplatform.support.PackageFiles;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Modules and courses complete under the package's rule; every graded attempt is kept item by item. */
@PlatformTest
class CompletionTest {

    private static final String COURSE = "/courses/test-course";
    private static final String BASICS = COURSE + "/modules/basics";
    private static final List<String> BASICS_SLIDES = List.of("objectives", "welcome", "elements", "reflect", "story",
            "check", "reading", "goodbye");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CourseCatalog catalog;

    private void viewAll(Cookie learner, String module, List<String> slides) throws Exception {
        for (String slide : slides) {
            mvc.perform(get(COURSE.replace("test-course", courseOf(module)) + "/modules/" + moduleOf(module)
                    + "/slides/" + slide).cookie(learner));
        }
    }

    private static String courseOf(String module) {
        return module.contains(":") ? module.split(":")[0] : "test-course";
    }

    private static String moduleOf(String module) {
        return module.contains(":") ? module.split(":")[1] : module;
    }

    private void answer(Cookie learner, String nonlinear, String... elements) throws Exception {
        mvc.perform(post(BASICS + "/slides/check/answers").with(csrf()).cookie(learner)
                        .param("q-nonlinear", nonlinear).param("q-elements", elements))
                .andExpect(content().string(containsString("Your result is saved.")));
    }

    @Test
    void aModuleCompletesWhenEverySlideIsSeenAndItsCheckPassed() throws Exception {
        Cookie learner = Learners.register(mvc, Learners.email("completer"));
        viewAll(learner, "basics", BASICS_SLIDES);
        mvc.perform(get(COURSE).cookie(learner)).andExpect(content().string(not(containsString("Completed"))));

        answer(learner, "0", "2");
        answer(learner, "1", "0", "1");
        mvc.perform(get(COURSE).cookie(learner)).andExpect(content().string(allOf(
                containsString("\u2713 Completed"), not(containsString("You have completed this course.")))));

        viewAll(learner, "second", List.of("only"));
        mvc.perform(get(COURSE).cookie(learner))
                .andExpect(content().string(containsString("You have completed this course.")));
        mvc.perform(get("/my-learning").cookie(learner)).andExpect(content().string(allOf(
                containsString("You have completed this course."), containsString("100%"),
                containsString("Passed (2 attempts)"))));
    }

    @Test
    void everyAttemptIsKeptWithItsAnswers() throws Exception {
        Cookie learner = Learners.register(mvc, Learners.email("items"));
        answer(learner, "0", "0", "2");

        List<Map<String, Object>> rows = jdbc.sql("""
                        select a.score_percent, a.passed, i.question_id, i.chosen, i.correct
                        from check_attempt a join check_answer i on i.attempt_id = a.id
                        join account u on u.id = a.account_id
                        where u.email_key = ? order by i.question_id
                        """).param(Learners.email("items").toLowerCase(java.util.Locale.ROOT)).query().listOfRows();
        assertThat(rows).extracting(r -> r.values().stream().map(String::valueOf).toList()).containsExactly(
                List.of("0", "false", "elements", "0,2", "false"),
                List.of("0", "false", "nonlinear", "0", "false"));
    }

    @Test
    void attemptsOfVisitorsAndIncompleteAttemptsAreNotKept() throws Exception {
        int before = jdbc.sql("select count(*) from check_attempt").query(Integer.class).single();
        mvc.perform(post(BASICS + "/slides/check/answers").with(csrf()).param("q-nonlinear", "1")
                        .param("q-elements", "0", "1"))
                .andExpect(content().string(containsString("this result is not saved")));
        Cookie learner = Learners.register(mvc, Learners.email("incomplete"));
        mvc.perform(post(BASICS + "/slides/check/answers").with(csrf()).cookie(learner).param("q-nonlinear", "1"))
                .andExpect(content().string(containsString("Question 2: choose an answer.")));
        assertThat(jdbc.sql("select count(*) from check_attempt").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void aCourseMayCountSlidesOnly() throws Exception {
        catalog.publish(CoursePackage.fromZip(PackageFiles.valid()
                .edit("course.yaml", "id: test-course", "id: views-only")
                .edit("course.yaml", "hours: 1\n", "hours: 1\ncompletion:\n  pass-knowledge-checks: false\n").zip()),
                CourseVersion.Origin.UPLOAD, "test");
        Cookie learner = Learners.register(mvc, Learners.email("viewer"));
        viewAll(learner, "views-only:basics", BASICS_SLIDES);
        viewAll(learner, "views-only:second", List.of("only"));
        mvc.perform(get("/courses/views-only").cookie(learner))
                .andExpect(content().string(containsString("You have completed this course.")));
    }
}
