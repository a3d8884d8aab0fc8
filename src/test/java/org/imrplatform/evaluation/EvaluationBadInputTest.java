package org.imrplatform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.BadInput;
import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The course evaluation filled as a careless or hostile learner would: ratings that are not offered, control
 * characters and oversize comments, made-up actions. The form comes back with a message on the field, or a draft is
 * kept; never a server error, never a submission from a tampered form, never a comment that cannot be stored.
 */
@PlatformTest
class EvaluationBadInputTest {

    private static final String EVALUATION = "/courses/test-course/evaluation";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private static Map<String, String> good(String action) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("overallQuality", "5");
        fields.put("recommend", "4");
        fields.put("benefit", "3");
        fields.put("useInPractice", "2");
        fields.put("comments", "Useful.");
        fields.put("action", action);
        return fields;
    }

    /** Sends the form once per bad value in each named field, the others good; a page answered must explain. */
    private void explained(Cookie session, Map<String, String> good, List<String> fields, boolean mustRefuse) {
        for (String field : fields) {
            for (String bad : BadInput.VALUES) {
                MockHttpServletRequestBuilder request = post(EVALUATION).with(csrf()).cookie(session);
                good.forEach((name, value) -> request.param(name, name.equals(field) ? bad : value));
                String sent = field + " = " + BadInput.printable(bad) + " with action " + good.get("action");
                MockHttpServletResponse response = BadInput.send(mvc, request, sent);
                if (mustRefuse) {
                    assertThat(response.getStatus()).as(sent).isEqualTo(200);
                }
                if (response.getStatus() == 200) {
                    assertThat(BadInput.body(response)).as(sent).contains("There is a problem")
                            .contains("href=\"#" + field + "\"").doesNotContain("<script>alert");
                }
            }
        }
    }

    @Test
    void badAnswersAreExplainedAndNothingUnstorableIsKept() throws Exception {
        String email = "bad-evaluation-" + UUID.randomUUID() + "@example.org";
        Cookie session = Learners.register(mvc, email);
        Learners.completeTestCourse(mvc, session);

        explained(session, good("submit"), List.of(EvaluationForm.RATINGS), true);
        explained(session, good("draft"), List.of("overallQuality", "comments", "action"), false);
        MockHttpServletResponse several = BadInput.send(mvc, post(EVALUATION).with(csrf()).cookie(session)
                .param("overallQuality", "abc").param("recommend", "9").param("comments", "a\u0000b")
                .param("action", "submit"), "several bad fields at once");
        assertThat(BadInput.body(several)).contains("This is not one of the choices", "control character");
        MockHttpServletResponse pasted = BadInput.send(mvc, post(EVALUATION).with(csrf()).cookie(session)
                .param("overallQuality", "4").param("recommend", "2").param("comments", "Pasted\u000b text")
                .param("action", "submit"), "a control character pasted into the comments");
        assertThat(BadInput.body(pasted)).as("the ratings chosen are still chosen").contains("control character",
                "id=\"overallQuality-4\" name=\"overallQuality\" checked", "id=\"recommend-2\" name=\"recommend\" checked");
        MockHttpServletResponse outOfRange = BadInput.send(mvc, post(EVALUATION).with(csrf()).cookie(session)
                .param("recommend", "9").param("comments", "x".repeat(4_001)).param("action", "submit"),
                "a rating out of range and a long comment");
        assertThat(BadInput.body(outOfRange)).contains("Choose one of the answers from 1 to 5",
                "Comments can be up to 4,000 characters", "Choose an answer from 1 to 5 before submitting");
        MockHttpServletResponse pretendSubmitted = BadInput.send(mvc, post(EVALUATION).with(csrf()).cookie(session)
                .param("overallQuality", "9").param("submittedAt", "2020-01-01T00:00:00Z").param("action", "draft"),
                "a made-up submission time");
        assertThat(BadInput.body(pretendSubmitted)).doesNotContain("your evaluation is submitted");

        Map<String, Object> row = jdbc.sql("select e.comments, e.submitted_at, e.overall_quality from course_evaluation e"
                        + " join account a on a.id = e.account_id where a.email_key = ? and e.course_id = 'test-course'")
                .param(email).query().singleRow();
        assertThat(row.get("submitted_at")).isNull();
        assertThat((String) row.get("comments")).doesNotContain("\u0000", "\u0001").hasSizeLessThanOrEqualTo(4_000);

        BadInput.send(mvc, post(EVALUATION).with(csrf()).cookie(session).param("overallQuality", "5")
                .param("recommend", "5").param("benefit", "5").param("useInPractice", "5")
                .param("action", "submit"), "a good submission");
        assertThat(BadInput.body(BadInput.send(mvc, get(EVALUATION).cookie(session), "the submitted evaluation")))
                .contains("your evaluation is submitted");
    }

    @Test
    void unknownCoursesAreNotFound() throws Exception {
        Cookie session = Learners.register(mvc, "bad-evaluation-course-" + UUID.randomUUID() + "@example.org");
        for (String segment : BadInput.PATH_SEGMENTS) {
            URI address = URI.create("/courses/" + segment + "/evaluation");
            int shown = BadInput.send(mvc, get(address).cookie(session), "GET " + BadInput.printable(segment))
                    .getStatus();
            int saved = BadInput.send(mvc, post(address).with(csrf()).cookie(session).param("overallQuality", "5")
                    .param("action", "submit"), "POST " + BadInput.printable(segment)).getStatus();
            if (segment.equals("no-such-id")) {
                assertThat(List.of(shown, saved)).containsOnly(404);
            }
        }
    }
}
