package org.imrplatform.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.Cookie;

import org.imrplatform.completion.CourseCompleted;
import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.imrplatform.support.TestLrs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each learning action reaches the test store as the xAPI statement it should be (the JSON the store received),
 * statements follow the xAPI rules the store checks, and none carries an email, a name, typed text or another
 * learner's data.
 */
@PlatformTest
@ContextConfiguration(initializers = TestLrs.Configured.class)
class XapiStatementsTest {

    private static final String PUBLIC = "https://imr.example.org";
    private static final String COURSE = PUBLIC + "/courses/test-course";
    private static final String BASICS = "/courses/test-course/modules/basics/slides/";
    private static final String ADL = "http://adlnet.gov/expapi/verbs/";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StatementSender sender;

    @Autowired
    LearnerKeys keys;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private final TestLrs lrs = TestLrs.shared();

    @BeforeEach
    void storeWorksAndNothingWaits() {
        EmptyOutbox.sendEverythingWaiting(jdbc, sender);
    }

    private long accountId(String email) {
        return jdbc.sql("select id from account where email_key = ?").param(email.toLowerCase(Locale.ROOT))
                .query(Long.class).single();
    }

    /** Sends everything queued and returns the statements of this learner the store holds, in order. */
    private List<JsonNode> storedFor(long accountId) {
        sender.sendDue();
        assertThat(lrs.problems()).as("statements break no xAPI rule the store checks").isEmpty();
        return lrs.statementsOf(keys.actorName(accountId));
    }

    private static JsonNode only(List<JsonNode> statements, String verb, String objectId) {
        List<JsonNode> found = statements.stream().filter(s -> s.at("/verb/id").asText().equals(ADL + verb)
                && s.at("/object/id").asText().equals(objectId)).toList();
        assertThat(found).as(verb + " " + objectId).hasSize(1);
        return found.get(0);
    }

    @Test
    void everyLearningActionReachesTheStoreAsItsStatement() throws Exception {
        String email = Learners.email("xapi-journey");
        String name = "Zebulon Quintavalle-Xapi";
        Cookie learner = Learners.register(mvc, email, name);
        long me = accountId(email);
        String actor = keys.actorName(me);

        mvc.perform(post("/courses/test-course/knowledge-test/before").with(csrf()).cookie(learner)
                .param("q-straight", "0").param("q-hope", "0")).andExpect(status().is3xxRedirection());
        Learners.completeTestCourse(mvc, learner);
        mvc.perform(post("/courses/test-course/evaluation").with(csrf()).cookie(learner).param("action", "submit")
                        .param("overallQuality", "5").param("recommend", "5").param("benefit", "4")
                        .param("useInPractice", "4").param("comments", "Unique evaluation comment 7f3a"))
                .andExpect(status().is3xxRedirection());

        List<JsonNode> statements = storedFor(me);

        // A first view: experienced the slide, its course the parent, names in the course's language.
        JsonNode welcome = only(statements, "experienced", COURSE + "/modules/basics/slides/welcome");
        assertThat(welcome.at("/actor").toString()).isEqualTo(
                "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"" + PUBLIC + "/\",\"name\":\"" + actor + "\"}}");
        assertThat(welcome.at("/verb/display/en-US").asText()).isEqualTo("experienced");
        assertThat(welcome.at("/verb/display/es").asText()).isEqualTo("experimentó");
        assertThat(welcome.at("/object/definition/type").asText()).isEqualTo("http://id.tincanapi.com/activitytype/slide");
        assertThat(welcome.at("/object/definition/name/en-US").asText()).isNotBlank();
        assertThat(welcome.at("/context/platform").asText()).isEqualTo("IMR Platform");
        assertThat(welcome.at("/context/language").asText()).isEqualTo("en-US");
        assertThat(welcome.at("/context/registration").asText()).matches("[0-9a-f-]{36}");
        assertThat(welcome.at("/context/contextActivities/parent/0/id").asText()).isEqualTo(COURSE);
        assertThat(welcome.at("/context/contextActivities/parent/0/definition/type").asText())
                .isEqualTo("http://adlnet.gov/expapi/activities/course");
        assertThat(welcome.at("/timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(statements.stream().filter(s -> s.at("/verb/id").asText().equals(ADL + "experienced")))
                .as("one first view per slide of the course").hasSize(9);

        // The knowledge check: each question answered with the options chosen (by position), then its result.
        String check = COURSE + "/modules/basics/slides/check";
        JsonNode nonlinear = only(statements, "answered", check + "/questions/nonlinear");
        assertThat(nonlinear.at("/result").toString())
                .isEqualTo("{\"success\":true,\"completion\":true,\"response\":\"1\"}");
        assertThat(nonlinear.at("/object/definition/interactionType").asText()).isEqualTo("choice");
        assertThat(nonlinear.at("/object/definition/choices/1/id").asText()).isEqualTo("1");
        assertThat(nonlinear.at("/context/contextActivities/parent/0/id").asText()).isEqualTo(check);
        assertThat(only(statements, "answered", check + "/questions/elements").at("/result/response").asText())
                .isEqualTo("0[,]1");
        JsonNode passedCheck = only(statements, "passed", check);
        assertThat(passedCheck.at("/result/score").toString())
                .isEqualTo("{\"scaled\":1.0,\"raw\":2,\"min\":0,\"max\":2}");
        assertThat(passedCheck.at("/result/success").asBoolean()).isTrue();

        // The knowledge test before the course: one of two right.
        JsonNode test = only(statements, "completed", COURSE + "/knowledge-test/before");
        assertThat(test.at("/result/score").toString()).isEqualTo("{\"scaled\":0.5,\"raw\":1,\"min\":0,\"max\":2}");
        assertThat(test.at("/result/success").isMissingNode()).as("the test has no pass mark").isTrue();
        assertThat(test.at("/object/definition/name/en-US").asText()).isEqualTo("Test knowledge test (before the course)");
        assertThat(test.at("/object/definition/name/es").asText()).isEqualTo("Test knowledge test (antes del curso)");

        JsonNode completed = only(statements, "completed", COURSE);
        assertThat(completed.at("/result/completion").asBoolean()).isTrue();
        assertThat(completed.at("/object/definition/name/en-US").asText()).isEqualTo("Test course for every slide kind");

        JsonNode evaluated = only(statements, "responded", COURSE + "/evaluation");
        assertThat(evaluated.at("/result").toString()).isEqualTo("{\"completion\":true}");

        // Every statement is about this learner only, under one registration, and says nothing personal.
        assertThat(statements).allSatisfy(s -> {
            assertThat(s.at("/context/registration").asText()).isEqualTo(welcome.at("/context/registration").asText());
            assertThat(s.toString()).doesNotContain(email, name, "Zebulon", "Quintavalle", "Unique evaluation comment",
                    "Test Org");
        });
        assertThat(actor).as("128 opaque bits, not the account number").matches("[A-Za-z0-9_-]{22}")
                .isNotEqualTo(String.valueOf(me));
    }

    @Test
    void aSpanishReaderSendsSpanishContextAndNamesInBothLanguages() throws Exception {
        String email = Learners.email("xapi-es");
        Cookie learner = Learners.register(mvc, email, "Ana Xapi-Rivera");
        mvc.perform(get("/courses/bilingual-course/modules/basics/slides/welcome").cookie(learner,
                new Cookie("imr-lang", "es"))).andExpect(status().isOk());

        JsonNode seen = only(storedFor(accountId(email)), "experienced",
                PUBLIC + "/courses/bilingual-course/modules/basics/slides/welcome");
        assertThat(seen.at("/context/language").asText()).isEqualTo("es");
        assertThat(seen.at("/object/definition/name/en-US").asText()).isEqualTo("Welcome in English");
        assertThat(seen.at("/object/definition/name/es").asText()).isNotBlank().isNotEqualTo("Welcome in English");
        assertThat(seen.at("/context/contextActivities/parent/0/definition/name/es").asText())
                .isEqualTo("Curso de prueba bilingüe");
    }

    @Test
    void twoLearnersNeverShareAnIdentityAndEachStatementIsTheirOwn() throws Exception {
        String first = Learners.email("xapi-one");
        String second = Learners.email("xapi-two");
        Cookie one = Learners.register(mvc, first, "Learner One");
        Cookie two = Learners.register(mvc, second, "Learner Two");
        mvc.perform(get(BASICS + "welcome").cookie(one)).andExpect(status().isOk());
        mvc.perform(get(BASICS + "welcome").cookie(two)).andExpect(status().isOk());
        mvc.perform(get(BASICS + "elements").cookie(two)).andExpect(status().isOk());

        long idOne = accountId(first);
        long idTwo = accountId(second);
        assertThat(keys.actorName(idOne)).isNotEqualTo(keys.actorName(idTwo));
        List<JsonNode> ones = storedFor(idOne);
        List<JsonNode> twos = lrs.statementsOf(keys.actorName(idTwo));
        assertThat(ones).hasSize(1);
        assertThat(twos).hasSize(2);
        assertThat(ones.get(0).at("/context/registration").asText())
                .isNotEqualTo(twos.get(0).at("/context/registration").asText());
        assertThat(ones.get(0).toString()).doesNotContain(keys.actorName(idTwo));
    }

    @Test
    void anEventDeliveredTwiceQueuesOneStatement() throws Exception {
        String email = Learners.email("xapi-twice");
        Learners.register(mvc, email);
        long me = accountId(email);
        CourseCompleted completed = new CourseCompleted(me, "test-course", Instant.parse("2026-04-01T09:30:00Z"));

        transactions.executeWithoutResult(status -> events.publishEvent(completed));
        transactions.executeWithoutResult(status -> events.publishEvent(completed));

        assertThat(jdbc.sql("select count(*) from xapi_statement where id = ?")
                .param(keys.statementId("completed", me, "test-course")).query(Long.class).single()).isEqualTo(1);
        List<JsonNode> statements = storedFor(me);
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0).at("/timestamp").asText()).isEqualTo("2026-04-01T09:30:00Z");
        assertThat(lrs.timesSent(statements.get(0).at("/id").asText())).isEqualTo(1);
    }

    /**
     * An action delivered again by the event publication registry runs outside the learner's request: the language
     * they read in is not known there, so the statement says none (not the server's default as if it were theirs).
     */
    @Test
    void anActionDeliveredOutsideTheLearnersRequestSaysNoLanguage() throws Exception {
        String email = Learners.email("xapi-redelivered");
        Learners.register(mvc, email);
        long me = accountId(email);
        CourseCompleted completed = new CourseCompleted(me, "bilingual-course", Instant.parse("2026-04-02T09:30:00Z"));

        transactions.executeWithoutResult(status -> events.publishEvent(completed));

        JsonNode statement = only(storedFor(me), "completed", PUBLIC + "/courses/bilingual-course");
        assertThat(statement.at("/context").has("language")).isFalse();
        assertThat(statement.at("/context/platform").asText()).isEqualTo("IMR Platform");
    }

    @Test
    void aVisitorsViewsAndAnswersMakeNoStatement() throws Exception {
        long before = jdbc.sql("select count(*) from xapi_statement").query(Long.class).single();
        mvc.perform(get(BASICS + "story")).andExpect(status().isOk());
        mvc.perform(post(BASICS + "check/answers").with(csrf()).param("q-nonlinear", "1")
                .param("q-elements", "0", "1")).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from xapi_statement").query(Long.class).single()).isEqualTo(before);
    }

    /** What a statement does not have stays out of the JSON: no empty result or context parts. */
    @Test
    void aStatementLeavesOutWhatItDoesNotHave() throws Exception {
        String email = Learners.email("xapi-lean");
        Cookie learner = Learners.register(mvc, email);
        mvc.perform(get(BASICS + "reflect").cookie(learner)).andExpect(status().isOk());
        JsonNode seen = storedFor(accountId(email)).get(0);
        assertThat(seen.has("result")).isFalse();
        assertThat(seen.at("/context/contextActivities").has("grouping")).isFalse();
        List<String> fields = new ArrayList<>();
        seen.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "actor", "verb", "object", "context", "timestamp");
    }
}
