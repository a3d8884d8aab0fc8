package org.imrplatform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** People create learner accounts; every mistake is explained next to its field and nothing half-saved. */
@PlatformTest
class RegistrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordResets resets;

    @Autowired
    PasswordEncoder encoder;

    private static MockHttpServletRequestBuilder registration(String email) {
        return registration(email, "a long enough passphrase", "PEER_SPECIALIST", "PR");
    }

    private static MockHttpServletRequestBuilder registration(String email, String password, String discipline,
            String region) {
        return post("/register").with(csrf()).param("email", email).param("password", password)
                .param("fullName", "Ana Rivera").param("discipline", discipline)
                .param("organization", "Community Clinic").param("region", region);
    }

    private ResultActions register(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request);
    }

    /** A word, read out by screen readers, on the page after creating an account and after signing out. */
    @Test
    void creatingAnAccountAndSigningOutAreEachConfirmed() throws Exception {
        MvcResult result = register(registration(Learners.email("confirmed"))).andReturn();
        Cookie session = result.getResponse().getCookie("SESSION");
        String welcomed = mvc.perform(get(result.getResponse().getRedirectedUrl()).cookie(session))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(welcomed).contains("<p class=\"notice notice--success\" role=\"status\">Your account is ready and"
                + " you are signed in.");

        MvcResult signedOut = mvc.perform(post("/logout").with(csrf()).cookie(session))
                .andExpect(redirectedUrl("/?signedOut")).andReturn();
        assertThat(mvc.perform(get(signedOut.getResponse().getRedirectedUrl()).header("Accept-Language", "es"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("role=\"status\">Ha cerrado la sesi\u00f3n.</p>").doesNotContain("Sign out");
        assertThat(mvc.perform(get("/")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("role=\"status\"");
    }

    /**
     * The linked accounts' domain is shown by full name: nobody may register or be invited at it, in any case or
     * subdomain, and pose as a learner who arrived from a learning system.
     */
    @Test
    void theLinkedAccountsDomainIsReservedInRegistrationAndInvitation() throws Exception {
        Cookie admin = Learners.administrator(mvc);
        String unique = UUID.randomUUID().toString();
        for (String email : List.of("linked-" + unique + "@linked.invalid", "Linked-" + unique + "@LINKED.Invalid",
                "x-" + unique + "@sub.linked.invalid")) {
            register(registration(email)).andExpect(status().isOk())
                    .andExpect(content().string(containsString("Addresses at linked.invalid are kept for learners")));
            mvc.perform(post("/admin/users/invite").with(csrf()).cookie(admin).param("email", email)
                            .param("fullName", "Posing Learner").param("discipline", "NURSE")
                            .param("organization", "Clinic").param("region", "NY").param("roles", "LEARNER"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Addresses at linked.invalid are kept for learners")));
            assertThat(accounts.findByEmail(email)).as(email).isEmpty();
        }
        register(registration("someone-" + unique + "@notlinked.invalid")).andExpect(redirectedUrl("/?welcome"));
    }

    @Test
    void aNewLearnerIsSignedInStraightAway() throws Exception {
        String typed = Learners.email("Ana.Rivera").replace("@example.org", "@Example.org");
        MvcResult result = register(registration(typed))
                .andExpect(redirectedUrl("/?welcome")).andReturn();

        // Sessions live in the database (Spring Session), so follow the session cookie as a browser would.
        Cookie session = result.getResponse().getCookie("SESSION");
        assertThat(session).as("a session cookie").isNotNull();
        mvc.perform(get("/").cookie(session))
                .andExpect(content().string(allOf(containsString("Sign out"), containsString(typed))));

        Account account = accounts.findByEmail(Learners.email("ana.rivera")).orElseThrow();
        assertThat(account.fullName()).isEqualTo("Ana Rivera");
        assertThat(account.discipline()).isEqualTo(Discipline.PEER_SPECIALIST);
        assertThat(account.region()).isEqualTo(Region.PR);
        assertThat(accounts.passwordHash(Learners.email("ana.rivera")).orElseThrow())
                .startsWith("{bcrypt}").doesNotContain("passphrase");
    }

    @Test
    void theSameAddressInAnotherCaseIsTaken() throws Exception {
        register(registration(Learners.email("taken"))).andExpect(status().is3xxRedirection());
        register(registration(Learners.email("taken").toUpperCase(java.util.Locale.ROOT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("An account with this email already exists")));
    }

    @Test
    void everyMissingFieldIsExplainedAndNothingIsSaved() throws Exception {
        register(post("/register").with(csrf()).param("email", "").param("password", "").param("fullName", "")
                .param("discipline", "").param("organization", "").param("region", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("There is a problem"),
                        containsString("Enter your email address."),
                        containsString("Choose a password of 10 to 128 characters."),
                        containsString("Enter your full name."),
                        containsString("Choose your discipline or role."),
                        containsString("Enter the organization you work for"),
                        containsString("Choose your state or territory."),
                        containsString("aria-invalid=\"true\""))));
    }

    @Test
    void badEmailAndGuessablePasswordAreRefused() throws Exception {
        register(registration("not-an-email", "Rivera is my password", "NURSE", "NY"))
                .andExpect(content().string(allOf(containsString("Enter an email address like name@example.org."),
                        containsString("This password is easy to guess"))));
        register(registration(Learners.email("short"), "short", "NURSE", "NY"))
                .andExpect(content().string(containsString("Choose a password of 10 to 128 characters.")));
        assertThat(accounts.exists(Learners.email("short"))).isFalse();
    }

    /** A new password chosen later, by a change or a reset, is held to the rule registration holds it to. */
    @Test
    void aChangedOrResetPasswordIsNoEasierToGuess() throws Exception {
        String email = "later." + UUID.randomUUID() + "@example.org";
        Cookie session = register(registration(email)).andReturn().getResponse().getCookie("SESSION");
        for (String guessable : List.of("aaaaaaaaaa", "Rivera forever 2026", email.split("@")[0] + "!")) {
            mvc.perform(post("/account/password").with(csrf()).cookie(session)
                            .param("current", "a long enough passphrase").param("password", guessable))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("easy to guess")));
        }
        PasswordResets.Issued link = resets.start(email, PasswordResets.VALID_FOR).orElseThrow();
        Cookie resetting = mvc.perform(get("/password-reset/" + link.token())).andReturn().getResponse()
                .getCookie("SESSION");
        mvc.perform(post("/password-reset/new").with(csrf()).cookie(resetting)
                        .param("password", "Rivera forever 2026"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("easy to guess")));
        assertThat(resets.isUsable(link.token())).as("the link still works for a better password").isTrue();
        assertThat(encoder.matches("a long enough passphrase", accounts.passwordHash(email).orElseThrow())).isTrue();
    }

    @Test
    void aTamperedChoiceIsRefused() throws Exception {
        register(registration(Learners.email("tampered"), "a long enough passphrase", "WIZARD", "MARS"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This is not one of the choices. Choose again.")));
        assertThat(accounts.exists(Learners.email("tampered"))).isFalse();
    }

    @Test
    void registrationWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/register").param("email", Learners.email("nocsrf"))).andExpect(status().isForbidden());
        assertThat(accounts.exists(Learners.email("nocsrf"))).isFalse();
    }
}
