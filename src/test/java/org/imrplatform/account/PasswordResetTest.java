package org.imrplatform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

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

/** A learner who forgot their password gets a single-use, expiring link by email (a real SMTP server: GreenMail). */
@PlatformTest
class PasswordResetTest {

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final Pattern LINK = Pattern.compile("http://[^\\s]+/password-reset/([A-Za-z0-9_-]{43})");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private String requestLink(String email) throws Exception {
        mvc.perform(post("/password-reset").with(csrf()).param("email", email))
                .andExpect(redirectedUrl("/password-reset?sent"));
        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualToIgnoringCase(email);
        Matcher link = LINK.matcher(GreenMailUtil.getBody(received[0]).replace("=\r\n", ""));
        assertThat(link.find()).as("the email holds a reset link").isTrue();
        return "/password-reset/" + link.group(1);
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
        Learners.register(mvc, "forgetful@example.org");
        String link = requestLink("Forgetful@Example.org");

        Cookie session = follow(link);
        mvc.perform(get("/password-reset/new").cookie(session))
                .andExpect(content().string(containsString("Choose a new password")));
        mvc.perform(post("/password-reset/new").with(csrf()).cookie(session).param("password", "short"))
                .andExpect(content().string(containsString("Choose a password of 10 to 128 characters.")));
        mvc.perform(post("/password-reset/new").with(csrf()).cookie(session).param("password", "a brand new passphrase"))
                .andExpect(redirectedUrl("/login?reset"));

        assertThat(signIn("forgetful@example.org", "a brand new passphrase")).isEqualTo(1);
        assertThat(signIn("forgetful@example.org", Learners.PASSWORD)).isZero();
        mvc.perform(get(link)).andExpect(redirectedUrl("/password-reset?expired"));
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        Learners.register(mvc, "late@example.org");
        String link = requestLink("late@example.org");
        jdbc.sql("update password_reset set expires_at = ? where account_id = (select id from account where email_key = ?)")
                .params(java.time.OffsetDateTime.now().minusMinutes(1), "late@example.org").update();
        mvc.perform(get(link)).andExpect(redirectedUrl("/password-reset?expired"));
        mvc.perform(get("/password-reset?expired")).andExpect(content().string(containsString("has expired")));
    }

    @Test
    void unknownAddressesGetTheSameAnswerAndNoMail() throws Exception {
        mvc.perform(post("/password-reset").with(csrf()).param("email", "nobody.here@example.org"))
                .andExpect(redirectedUrl("/password-reset?sent"));
        assertThat(mail.getReceivedMessages()).isEmpty();
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
