package org.imrplatform.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

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
 * The learner's pages sent what no page offers: addresses naming nothing, answers that are not options. Each
 * answers with a 404, a redirect or the questions again with a message, never a server error, and no tampered
 * answer is recorded as an attempt.
 */
@PlatformTest
class LearnBadInputTest {

    private static final String COURSE = "/courses/test-course";
    private static final String CHECK = COURSE + "/modules/basics/slides/check/answers";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    /** Every bad value but the ones that happen to be an option's position. */
    private static Stream<String> notOptions() {
        return Stream.concat(BadInput.VALUES.stream().filter(v -> !v.equals("0")), Stream.of("3", "+1", " 1", "01", "1.0"));
    }

    private Cookie learner(String email) throws Exception {
        return Learners.register(mvc, email);
    }

    private long attempts(String email) {
        return jdbc.sql("select count(*) from check_attempt a join account p on p.id = a.account_id"
                + " where p.email_key = ?").param(email).query(Long.class).single();
    }

    /** Posts the answers with one field bad and the others good; the questions come back with the problem named. */
    private void answersAreExplained(String path, Cookie session, Map<String, String> good) {
        for (String field : good.keySet()) {
            notOptions().forEach(bad -> {
                MockHttpServletRequestBuilder request = post(path).with(csrf()).cookie(session);
                good.forEach((name, value) -> request.param(name, name.equals(field) ? bad : value));
                String sent = path + " with " + field + " = " + BadInput.printable(bad);
                MockHttpServletResponse response = BadInput.send(mvc, request, sent);
                assertThat(response.getStatus()).as(sent).isEqualTo(200);
                assertThat(BadInput.body(response)).as(sent).contains("Some answers need your attention")
                        .contains("is not one of the options").doesNotContain("<script>alert");
            });
        }
    }

    @Test
    void knowledgeCheckAnswersThatAreNotOptionsAreExplainedAndNotRecorded() throws Exception {
        String email = "bad-check-" + UUID.randomUUID() + "@example.org";
        Cookie session = learner(email);
        answersAreExplained(CHECK, session, Map.of("q-nonlinear", "1", "q-elements", "0"));

        MockHttpServletResponse twoForOne = BadInput.send(mvc, post(CHECK).with(csrf()).cookie(session)
                .param("q-nonlinear", "0", "1").param("q-elements", "0"), "two answers to a single choice");
        assertThat(BadInput.body(twoForOne)).contains("choose only one answer");
        MockHttpServletResponse unknown = BadInput.send(mvc, post(CHECK).with(csrf()).cookie(session)
                .param("q-unknown", "1").param("q-", "\u0000").param("nonlinear", "1"), "unknown question ids");
        assertThat(BadInput.body(unknown)).contains("Question 1: choose an answer.", "Question 2: choose an answer.");
        MockHttpServletResponse many = BadInput.send(mvc, post(CHECK).with(csrf()).cookie(session)
                .param("q-nonlinear", "1").param("q-elements", Stream.iterate(0, i -> i + 1).limit(1_000)
                        .map(String::valueOf).toArray(String[]::new)), "a thousand answers to one question");
        assertThat(BadInput.body(many)).contains("is not one of the options");

        assertThat(attempts(email)).isZero();
    }

    @Test
    void knowledgeTestAnswersThatAreNotOptionsAreExplainedAndNotRecorded() throws Exception {
        String email = "bad-test-" + UUID.randomUUID() + "@example.org";
        Cookie session = learner(email);
        answersAreExplained(COURSE + "/knowledge-test/before", session, Map.of("q-straight", "1", "q-hope", "0"));
        assertThat(attempts(email)).isZero();
    }

    @Test
    void addressesThatNameNothingAreNotFound() throws Exception {
        Cookie session = learner("bad-address-" + UUID.randomUUID() + "@example.org");
        List<String> pages = List.of("/courses/%s", "/courses/%s/modules/basics", COURSE + "/modules/%s",
                COURSE + "/modules/%s/transcript", "/courses/%s/modules/basics/transcript",
                COURSE + "/modules/basics/slides/%s", "/courses/%s/modules/basics/slides/welcome",
                COURSE + "/modules/%s/slides/welcome", COURSE + "/knowledge-test/%s", "/courses/%s/knowledge-test/before",
                COURSE + "/assets/%s", COURSE + "/assets/%s/images/wheel.svg", COURSE + "/assets/0a/%s",
                "/courses/%s/assets/0a/images/wheel.svg");
        for (String page : pages) {
            for (String segment : BadInput.PATH_SEGMENTS) {
                URI address = URI.create(page.formatted(segment));
                for (Cookie who : new Cookie[] {session, null}) {
                    MockHttpServletRequestBuilder request = get(address);
                    if (who != null) {
                        request.cookie(who);
                    }
                    int status = BadInput.send(mvc, request, "GET " + shorten(address)).getStatus();
                    if (segment.equals("no-such-id") && !page.contains("/slides/%s")) {
                        assertThat(status).as("GET " + address + " signed in: " + (who != null))
                                .isIn(who == null && page.contains("knowledge-test") ? 302 : 404, 404);
                    }
                }
                MockHttpServletRequestBuilder answers = post(URI.create(page.formatted(segment) + "/answers"))
                        .with(csrf()).cookie(session).param("q-nonlinear", "1");
                BadInput.send(mvc, answers, "POST " + shorten(address) + "/answers");
                MockHttpServletResponse back = BadInput.send(mvc, get(URI.create(page.formatted(segment) + "/answers")),
                        "GET " + shorten(address) + "/answers");
                assertThat(back.getHeaders("Set-Cookie")).as("GET " + address + "/answers")
                        .noneMatch(cookie -> cookie.strip().startsWith("a=b"));
                assertThat(String.valueOf(back.getRedirectedUrl())).as("GET " + address + "/answers")
                        .doesNotContain("\r", "\n");
            }
        }
        for (String phase : BadInput.PATH_SEGMENTS) {
            URI address = URI.create(COURSE + "/knowledge-test/" + phase);
            int status = BadInput.send(mvc, post(address).with(csrf()).cookie(session).param("q-straight", "1")
                    .param("q-hope", "0"), "POST " + shorten(address)).getStatus();
            assertThat(status).as(address.toString()).isIn(400, 404);
        }
        BadInput.send(mvc, get("/my-learning").cookie(session).param("x", "\u0000"), "my learning with a NUL");
        BadInput.send(mvc, get("/").param("lang", "\u0000"), "catalog with a NUL language");
    }

    @Test
    void answersToASlideThatIsNoKnowledgeCheckAreNotFound() throws Exception {
        MockHttpServletResponse response = BadInput.send(mvc, post(COURSE + "/modules/basics/slides/welcome/answers")
                .with(csrf()).param("q-nonlinear", "1"), "answers to a content slide");
        assertThat(response.getStatus()).isEqualTo(404);
    }

    private static String shorten(URI address) {
        return BadInput.printable(address.toString());
    }
}
