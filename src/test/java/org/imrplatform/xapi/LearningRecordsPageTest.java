package org.imrplatform.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.imrplatform.support.TestLrs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The administrator's learning records page: the store's endpoint (never its password), what waits and why, what
 * the store refused, and sending a refused statement again, once, whatever is replayed or forged.
 */
@PlatformTest
@ContextConfiguration(initializers = TestLrs.Configured.class)
class LearningRecordsPageTest {

    private static final String PAGE = "/admin/learning-records";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StatementSender sender;

    @Autowired
    LearnerKeys keys;

    private final TestLrs lrs = TestLrs.shared();

    @BeforeEach
    @AfterEach
    void storeWorksAndNothingWaits() {
        EmptyOutbox.sendEverythingWaiting(jdbc, sender);
    }

    private String page(Cookie admin) throws Exception {
        return mvc.perform(get(PAGE).cookie(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private String seenStatement(String name, String slide) throws Exception {
        String email = Learners.email(name);
        Cookie learner = Learners.register(mvc, email);
        mvc.perform(get("/courses/test-course/modules/basics/slides/" + slide).cookie(learner))
                .andExpect(status().isOk());
        long id = jdbc.sql("select id from account where email_key = ?").param(email.toLowerCase(Locale.ROOT))
                .query(Long.class).single();
        return keys.statementId("experienced", id, "test-course", "basics", slide);
    }

    private String stateOf(String id) {
        return jdbc.sql("select status from xapi_statement where id = ?").param(id).query(String.class).single();
    }

    /** Posts the send-again form and follows the redirect, in one browser session (the message is a flash). */
    private String sendAgain(Cookie admin, String id) throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult posted = mvc.perform(post(PAGE + "/send-again").with(csrf()).cookie(admin).session(session)
                .param("statement", id)).andExpect(status().is3xxRedirection()).andReturn();
        return mvc.perform(get(PAGE).cookie(admin).session(session).flashAttrs(posted.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theAdministratorSeesTheStoreWaitingAndRefusedStatementsAndSendsOneAgainOnce() throws Exception {
        Cookie admin = Learners.administrator(mvc);
        lrs.answer(TestLrs.Mode.FAIL_500);
        String waiting = seenStatement("records-waiting", "welcome");
        sender.sendDue();

        String shown = page(admin);
        assertThat(shown).contains(lrs.endpoint(), "Waiting to be sent", "The store answered with status 500.")
                .contains("less than a minute").doesNotContain(TestLrs.PASSWORD)
                .contains("A statement the store has not taken within 14 days is given up; refused and given-up"
                        + " statements are deleted after 90 days.");
        assertThat(stateOf(waiting)).isEqualTo("PENDING");
        assertThat(mvc.perform(get(PAGE).cookie(admin, new Cookie("imr-lang", "es"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .contains("Registros de aprendizaje", "Esperando su env\u00edo", "El almac\u00e9n respondi\u00f3 con el c\u00f3digo 500.");

        lrs.answer(TestLrs.Mode.REJECT_400);
        EmptyOutbox.storeDue(jdbc);
        sender.sendDue();
        assertThat(stateOf(waiting)).isEqualTo("FAILED");
        assertThat(page(admin)).contains("id=\"statement-" + waiting + "\"", "The store answered with status 400.",
                "experienced");

        String again = sendAgain(admin, waiting);
        assertThat(again).contains("The statement is queued again").doesNotContain("id=\"statement-" + waiting);
        assertThat(stateOf(waiting)).isEqualTo("PENDING");
        assertThat(jdbc.sql("select attempts from xapi_statement where id = ?").param(waiting).query(Integer.class)
                .single()).isZero();

        // The same form posted again (a double click, a replay) queues nothing more.
        assertThat(sendAgain(admin, waiting)).contains("is not among the refused ones");
        lrs.answer(TestLrs.Mode.STORE);
        sender.sendDue();
        assertThat(stateOf(waiting)).isEqualTo("SENT");
        assertThat(lrs.timesSent(waiting)).isEqualTo(3);
        assertThat(lrs.statement(waiting)).isNotNull();
    }

    @Test
    void idsThatAreNotRefusedStatementsChangeNothing() throws Exception {
        Cookie admin = Learners.administrator(mvc);
        String sent = seenStatement("records-sent", "story");
        sender.sendDue();
        assertThat(stateOf(sent)).isEqualTo("SENT");

        for (String id : new String[] {sent, "not-an-id", "", "x".repeat(5000), sent.toUpperCase(Locale.ROOT),
                "00000000-0000-0000-0000-000000000000', status = 'PENDING"}) {
            assertThat(sendAgain(admin, id)).contains("is not among the refused ones");
        }
        assertThat(stateOf(sent)).isEqualTo("SENT");
    }

    @Test
    void twoPostsAtTheSameMomentQueueTheStatementOnce() throws Exception {
        Cookie admin = Learners.administrator(mvc);
        String id = UUID.randomUUID().toString();
        OffsetDateTime queued = OffsetDateTime.now().minusHours(1);
        jdbc.sql("""
                        insert into xapi_statement (id, verb, body, created_at, status, attempts, next_attempt_at,
                                                    failure)
                        values (?, 'completed', '{}', ?, 'FAILED', 3, ?, '422')""")
                .params(id, queued, queued).update();

        CompletableFuture<String> one = CompletableFuture.supplyAsync(() -> sendAgainQuietly(admin, id));
        CompletableFuture<String> two = CompletableFuture.supplyAsync(() -> sendAgainQuietly(admin, id));
        List<String> answers = List.of(one.get(30, TimeUnit.SECONDS), two.get(30, TimeUnit.SECONDS));

        assertThat(answers).filteredOn(page -> page.contains("The statement is queued again")).hasSize(1);
        assertThat(answers).filteredOn(page -> page.contains("is not among the refused ones")).hasSize(1);
        assertThat(stateOf(id)).isEqualTo("PENDING");
        jdbc.sql("delete from xapi_statement where id = ?").param(id).update();
    }

    private String sendAgainQuietly(Cookie admin, String id) {
        try {
            return sendAgain(admin, id);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFormWithoutItsTokenOrFromALearnerIsRefused() throws Exception {
        Cookie learner = Learners.register(mvc, Learners.email("records-learner"));
        mvc.perform(get(PAGE).cookie(learner)).andExpect(status().isForbidden());
        mvc.perform(post(PAGE + "/send-again").with(csrf()).cookie(learner).param("statement", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post(PAGE + "/send-again").cookie(Learners.administrator(mvc)).param("statement", "x"))
                .andExpect(status().isForbidden());
    }
}
