package org.imrplatform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A learner who forgot their password gets a single-use, expiring link by email (a real SMTP server: GreenMail). */
@PlatformTest
class PasswordResetTest {

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    /** Links start at the configured public address (application-test.properties), whatever the request said. */
    private static final Pattern LINK = Pattern.compile("(\\S+)/password-reset/([A-Za-z0-9_-]{43})");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private String requestLink(String email) throws Exception {
        return requestLink(post("/password-reset").with(csrf()).param("email", email), email);
    }

    /** Sends the request, waits for the one email it causes (sent off the request thread), returns the link's path. */
    private String requestLink(MockHttpServletRequestBuilder request, String storedEmail) throws Exception {
        mvc.perform(request).andExpect(redirectedUrl("/password-reset?sent"));
        assertThat(mail.waitForIncomingEmail(10_000, 1)).as("an email arrives").isTrue();
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).as("sent to the stored address").isEqualTo(storedEmail);
        Matcher link = LINK.matcher(GreenMailUtil.getBody(received[0]).replace("=\r\n", ""));
        assertThat(link.find()).as("the email holds a reset link").isTrue();
        assertThat(link.group(1)).as("the configured public address").isEqualTo("https://imr.example.org");
        return "/password-reset/" + link.group(2);
    }

    private Cookie follow(String link) throws Exception {
        MvcResult result = mvc.perform(get(link)).andExpect(redirectedUrl("/password-reset/new")).andReturn();
        return result.getResponse().getCookie("SESSION");
    }

    private int signIn(String email, String password) throws Exception {
        String target = mvc.perform(post("/login").with(csrf()).param("username", email).param("password", password))
                .andReturn().getResponse().getRedirectedUrl();
        return "/".equals(target) ? 1 : 0;
    }

    @Test
    void theLinkSetsANewPasswordOnce() throws Exception {
        String email = "forgetful-" + UUID.randomUUID() + "@example.org";
        Learners.register(mvc, email);
        String typed = email.toUpperCase(Locale.ROOT);
        String link = requestLink(post("/password-reset").with(csrf()).param("email", typed), email);

        Cookie session = follow(link);
        mvc.perform(get("/password-reset/new").cookie(session))
                .andExpect(content().string(containsString("Choose a new password")));
        mvc.perform(post("/password-reset/new").with(csrf()).cookie(session).param("password", "short"))
                .andExpect(content().string(containsString("Choose a password of 10 to 128 characters.")));
        mvc.perform(post("/password-reset/new").with(csrf()).cookie(session).param("password", "a brand new passphrase"))
                .andExpect(redirectedUrl("/login?reset"));

        assertThat(signIn(email, "a brand new passphrase")).isEqualTo(1);
        assertThat(signIn(email, Learners.PASSWORD)).isZero();
        mvc.perform(get(link)).andExpect(redirectedUrl("/password-reset?expired"));
    }

    @Test
    void aForgedHostOrForwardedHostNeverReachesTheLink() throws Exception {
        String email = "forged-host-" + UUID.randomUUID() + "@example.org";
        Learners.register(mvc, email);
        requestLink(post("/password-reset").with(csrf()).param("email", email).with(request -> {
            request.setServerName("attacker.example");
            request.setScheme("http");
            request.addHeader("Host", "attacker.example");
            request.addHeader("X-Forwarded-Host", "attacker.example");
            return request;
        }), email);
    }

    @Test
    void followingTheLinkGivesTheSessionANewId() throws Exception {
        String email = "fixation-" + UUID.randomUUID() + "@example.org";
        Learners.register(mvc, email);
        String link = requestLink(email);
        Cookie planted = mvc.perform(get("/password-reset/new")).andReturn().getResponse().getCookie("SESSION");
        assertThat(planted).as("a session an attacker could have planted").isNotNull();
        Cookie after = mvc.perform(get(link).cookie(planted)).andExpect(redirectedUrl("/password-reset/new"))
                .andReturn().getResponse().getCookie("SESSION");
        assertThat(after).isNotNull();
        assertThat(after.getValue()).isNotEqualTo(planted.getValue());
        mvc.perform(get("/password-reset/new").cookie(planted)).andExpect(redirectedUrl("/password-reset?expired"));
        mvc.perform(get("/password-reset/new").cookie(after))
                .andExpect(content().string(containsString("Choose a new password")));
    }

    @Test
    void aResetEndsEverySessionOfTheAccount() throws Exception {
        String email = "stolen-session-" + UUID.randomUUID() + "@example.org";
        Cookie before = Learners.register(mvc, email);
        mvc.perform(get("/my-learning").cookie(before)).andExpect(status().isOk());
        Cookie reset = follow(requestLink(email));
        mvc.perform(post("/password-reset/new").with(csrf()).cookie(reset).param("password", "a brand new passphrase"))
                .andExpect(redirectedUrl("/login?reset"));
        mvc.perform(get("/my-learning").cookie(before)).andExpect(status().is3xxRedirection());
    }

    @Test
    void aMailboxCannotBeFloodedWithLinks() throws Exception {
        String email = "flooded-" + UUID.randomUUID() + "@example.org";
        Learners.register(mvc, email);
        for (int i = 0; i < PasswordResets.LINKS_PER_HOUR + 3; i++) {
            mvc.perform(post("/password-reset").with(csrf()).param("email", email))
                    .andExpect(redirectedUrl("/password-reset?sent"));
        }
        mail.waitForIncomingEmail(10_000, PasswordResets.LINKS_PER_HOUR);
        assertThat(mail.waitForIncomingEmail(1_000, PasswordResets.LINKS_PER_HOUR + 1)).isFalse();
        assertThat(mail.getReceivedMessages()).hasSize(PasswordResets.LINKS_PER_HOUR);
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        String email = "late-" + UUID.randomUUID() + "@example.org";
        Learners.register(mvc, email);
        String link = requestLink(email);
        jdbc.sql("update password_reset set expires_at = ? where account_id = (select id from account where email_key = ?)")
                .params(java.time.OffsetDateTime.now().minusMinutes(1), email).update();
        mvc.perform(get(link)).andExpect(redirectedUrl("/password-reset?expired"));
        mvc.perform(get("/password-reset?expired")).andExpect(content().string(containsString("has expired")));
    }

    @Test
    void unknownAddressesGetTheSameAnswerAndNoMail() throws Exception {
        mvc.perform(post("/password-reset").with(csrf()).param("email", "nobody.here@example.org"))
                .andExpect(redirectedUrl("/password-reset?sent"));
        assertThat(mail.waitForIncomingEmail(1_000, 1)).isFalse();
    }

    @Test
    void aMadeUpLinkIsRefused() throws Exception {
        mvc.perform(get("/password-reset/" + "A".repeat(43))).andExpect(redirectedUrl("/password-reset?expired"));
        mvc.perform(post("/password-reset/new").with(csrf()).param("password", "a brand new passphrase"))
                .andExpect(redirectedUrl("/password-reset?expired"));
    }

    @Test
    void aMissingAddressIsExplained() throws Exception {
        mvc.perform(post("/password-reset").with(csrf()).param("email", ""))
                .andExpect(content().string(containsString("Enter an email address like name@example.org.")));
    }
}
