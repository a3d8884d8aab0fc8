package org.imrplatform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Administrators list, search, invite, switch off and on, and grant roles; nobody else can. */
@PlatformTest
class AccountAdminTest {

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountRepository accounts;

    private long idOf(String email) {
        return accounts.findByEmail(email).orElseThrow().id();
    }

    @Test
    void searchFindsPeopleByNameEmailOrOrganization() throws Exception {
        Learners.register(mvc, Learners.email("searchable"), "Quentin Searchable");
        Cookie admin = Learners.administrator(mvc);
        mvc.perform(get("/admin/users").param("q", "searchABLE").cookie(admin))
                .andExpect(content().string(allOf(containsString("Quentin Searchable"),
                        containsString("<span>" + Learners.email("searchable") + "</span>"),
                        not(containsString("<span>admin@example.org</span>")))));
        mvc.perform(get("/admin/users").param("q", "no such person at all").cookie(admin))
                .andExpect(content().string(containsString("Nobody matches this search.")));
    }

    @Test
    void anInvitedPersonChoosesTheirPasswordFromTheEmail() throws Exception {
        Cookie admin = Learners.administrator(mvc);
        String invited = "invited-" + java.util.UUID.randomUUID() + "@example.org";
        mvc.perform(post("/admin/users/invite").with(csrf()).cookie(admin).param("email", invited)
                        .param("fullName", "Ivy Invited").param("discipline", "NURSE").param("organization", "Clinic")
                        .param("region", "NY").param("roles", "FACILITATOR", "LEARNER"))
                .andExpect(redirectedUrl("/admin/users"));
        assertThat(accounts.findByEmail(invited).orElseThrow().roles())
                .containsExactlyInAnyOrder(Role.FACILITATOR, Role.LEARNER);

        assertThat(mail.waitForIncomingEmail(10_000, 1)).as("the invitation is sent off the request thread").isTrue();
        String body = GreenMailUtil.getBody(mail.getReceivedMessages()[0]).replace("=\r\n", "");
        Matcher link = Pattern.compile("/password-reset/[A-Za-z0-9_-]{43}").matcher(body);
        assertThat(link.find()).isTrue();
        Cookie session = mvc.perform(get(link.group())).andReturn().getResponse().getCookie("SESSION");
        mvc.perform(post("/password-reset/new").with(csrf()).cookie(session).param("password", "my chosen passphrase"))
                .andExpect(redirectedUrl("/login?reset"));
        mvc.perform(post("/login").with(csrf()).param("username", invited)
                .param("password", "my chosen passphrase")).andExpect(redirectedUrl("/"));
    }

    @Test
    void invitationsAreCheckedLikeRegistrations() throws Exception {
        Cookie admin = Learners.administrator(mvc);
        mvc.perform(post("/admin/users/invite").with(csrf()).cookie(admin).param("email", "admin@example.org")
                        .param("fullName", "").param("discipline", "NURSE").param("organization", "Clinic")
                        .param("region", "NY"))
                .andExpect(content().string(allOf(containsString("An account with this email already exists"),
                        containsString("Enter your full name."), containsString("Choose at least one role."))));
    }

    @Test
    void aSwitchedOffAccountIsSignedOutEverywhereAndCannotSignIn() throws Exception {
        Cookie learner = Learners.register(mvc, Learners.email("switched.off"));
        mvc.perform(get("/my-learning").cookie(learner)).andExpect(status().isOk());
        Cookie admin = Learners.administrator(mvc);

        mvc.perform(post("/admin/users/" + idOf(Learners.email("switched.off")) + "/enabled").with(csrf()).cookie(admin)
                .param("enabled", "false")).andExpect(redirectedUrl("/admin/users"));
        mvc.perform(get("/my-learning").cookie(learner)).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/login").with(csrf()).param("username", Learners.email("switched.off"))
                .param("password", Learners.PASSWORD)).andExpect(redirectedUrl("/login?disabled"));

        mvc.perform(post("/admin/users/" + idOf(Learners.email("switched.off")) + "/enabled").with(csrf()).cookie(admin)
                .param("enabled", "true"));
        mvc.perform(post("/login").with(csrf()).param("username", Learners.email("switched.off"))
                .param("password", Learners.PASSWORD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void rolesAreGrantedButAnAdministratorKeepsTheirOwn() throws Exception {
        Learners.register(mvc, Learners.email("promoted"));
        Cookie admin = Learners.administrator(mvc);
        mvc.perform(post("/admin/users/" + idOf(Learners.email("promoted")) + "/roles").with(csrf()).cookie(admin)
                .param("roles", "LEARNER", "REVIEWER"));
        assertThat(accounts.findByEmail(Learners.email("promoted")).orElseThrow().roles())
                .containsExactlyInAnyOrder(Role.LEARNER, Role.REVIEWER);

        mvc.perform(post("/admin/users/" + idOf("admin@example.org") + "/roles").with(csrf()).cookie(admin)
                .param("roles", "LEARNER"));
        mvc.perform(post("/admin/users/" + idOf("admin@example.org") + "/enabled").with(csrf()).cookie(admin)
                .param("enabled", "false"));
        Account self = accounts.findByEmail("admin@example.org").orElseThrow();
        assertThat(self.roles()).contains(Role.ADMINISTRATOR);
        assertThat(self.enabled()).isTrue();
    }

    @Test
    void learnersCannotReachAdministration() throws Exception {
        Cookie learner = Learners.register(mvc, Learners.email("curious"));
        mvc.perform(get("/admin/users").cookie(learner)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/" + idOf(Learners.email("curious")) + "/roles").with(csrf()).cookie(learner)
                .param("roles", "ADMINISTRATOR")).andExpect(status().isForbidden());
        assertThat(accounts.findByEmail(Learners.email("curious")).orElseThrow().roles()).containsExactly(Role.LEARNER);
    }
}
