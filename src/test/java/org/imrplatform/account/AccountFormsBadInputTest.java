package org.imrplatform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.BadInput;
import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The account forms filled as a careless or hostile person would: values that were not offered, blanks, control
 * characters and oversize text. Each answers with the form and a message (or a plain refusal), never a server
 * error, and stores nothing.
 */
@PlatformTest
class AccountFormsBadInputTest {

    private static final String CLIENT = "192.0.2.1-" + UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountRepository accounts;

    private Cookie admin() throws Exception {
        return Learners.signIn(mvc, "admin@example.org", "test-admin-password");
    }

    /** Sends the form once per bad value in each field, the other fields good: a page answered must explain. */
    private void neverAServerError(String path, Cookie session, Map<String, String> good) throws Exception {
        for (String field : good.keySet()) {
            for (String bad : BadInput.VALUES) {
                // From an address of this test's own: its failed sign-ins must not slow other tests' (127.0.0.1).
                MockHttpServletRequestBuilder request = post(path).with(csrf()).with(sent -> {
                    sent.setRemoteAddr(CLIENT);
                    return sent;
                });
                if (session != null) {
                    request.cookie(session);
                }
                for (Map.Entry<String, String> entry : good.entrySet()) {
                    request.param(entry.getKey(), entry.getKey().equals(field) ? bad : entry.getValue());
                }
                String sent = path + " with " + field + " = " + BadInput.printable(bad);
                MockHttpServletResponse response = BadInput.send(mvc, request, sent);
                if (response.getStatus() == 200) {
                    assertThat(response.getContentAsString()).as(sent).contains("error-summary")
                            .doesNotContain("<script>alert");
                }
            }
        }
    }

    private static Map<String, String> person(String email) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("email", email);
        fields.put("fullName", "Ana Rivera");
        fields.put("discipline", "COUNSELOR");
        fields.put("organization", "Test Org");
        fields.put("region", "PR");
        return fields;
    }

    @Test
    void registration() throws Exception {
        String email = "bad-register-" + UUID.randomUUID() + "@example.org";
        Map<String, String> fields = person(email);
        fields.put("password", "a long enough passphrase");
        neverAServerError("/register", null, fields);
        // Odd but possible values ("NOPE" as a name) may make the account; a control character or oversize text never.
        accounts.findByEmail(email).ifPresent(account -> assertThat(account.fullName() + account.organization())
                .doesNotContain("\u0000", "\u0001").hasSizeLessThan(400));
    }

    @Test
    void invitation() throws Exception {
        String email = "bad-invite-" + UUID.randomUUID() + "@example.org";
        Map<String, String> fields = person(email);
        fields.put("roles", "FACILITATOR");
        neverAServerError("/admin/users/invite", admin(), fields);
        accounts.findByEmail(email).ifPresent(account -> assertThat(account.fullName() + account.organization())
                .doesNotContain("\u0000", "\u0001").hasSizeLessThan(400));
    }

    @Test
    void roles() throws Exception {
        String email = "bad-roles-" + UUID.randomUUID() + "@example.org";
        Learners.register(mvc, email);
        long id = accounts.findByEmail(email).orElseThrow().id();
        neverAServerError("/admin/users/" + id + "/roles", admin(), Map.of("roles", "LEARNER"));
        neverAServerError("/admin/users/" + id + "/enabled", admin(), Map.of("enabled", "true"));
        assertThat(accounts.findById(id).orElseThrow().roles()).containsExactly(Role.LEARNER);
    }

    /**
     * Names no page sends, reaching below a field (an index, a property path): Spring's binder used to answer them
     * with an exception, a server error and a log line quoting the typed address. They are ignored.
     */
    @Test
    void fieldNamesThatReachBelowAFieldAreIgnored() throws Exception {
        String email = "forged-names-" + UUID.randomUUID() + "@example.org";
        mvc.perform(post("/register").with(csrf()).param("email", email).param("email[0]", "x")
                        .param("fullName.bytes", "x").param("password", Learners.PASSWORD)
                        .param("fullName", "Ana Rivera").param("discipline", "COUNSELOR").param("organization", "Test Org").param("region", "PR"))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.findByEmail(email)).isPresent();

        String invited = "forged-invite-" + UUID.randomUUID() + "@example.org";
        MockHttpServletRequestBuilder invite = post("/admin/users/invite").with(csrf()).cookie(admin())
                .param("roles[0]", "ADMINISTRATOR");
        person(invited).forEach(invite::param);
        mvc.perform(invite).andExpect(status().isOk())
                .andExpect(content().string(containsString("error-summary")));
        assertThat(accounts.findByEmail(invited)).as("no role was chosen, so nobody is invited").isEmpty();
    }

    @Test
    void aPageNumberTooLargeToCountIsAnEmptyPage() throws Exception {
        mvc.perform(get("/admin/users").param("page", String.valueOf(Integer.MAX_VALUE)).cookie(admin()))
                .andExpect(status().isOk());
    }

    @Test
    void passwordForms() throws Exception {
        String email = "bad-password-" + UUID.randomUUID() + "@example.org";
        Cookie session = Learners.register(mvc, email);
        neverAServerError("/password-reset", null, Map.of("email", email));
        neverAServerError("/password-reset/new", null, Map.of("password", "a brand new passphrase"));
        neverAServerError("/account/password", session,
                Map.of("current", Learners.PASSWORD, "password", "a brand new passphrase"));
        neverAServerError("/login", null, Map.of("username", email, "password", "not the password"));
    }
}
