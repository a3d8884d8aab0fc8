package org.imrplatform.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Registering and removing learning systems: what the form refuses, and the values the page shows. */
@PlatformTest
class PlatformsAdminTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Cookie administrator;
    String issuer;

    @BeforeEach
    void signIn() throws Exception {
        administrator = Learners.administrator(mvc);
        issuer = "https://lms-" + UUID.randomUUID() + ".example.org";
    }

    private MockHttpServletResponse register(String issuer, String clientId, String deployments, String address)
            throws Exception {
        return mvc.perform(post("/admin/lti").with(csrf()).cookie(administrator).param("issuer", issuer)
                .param("clientId", clientId).param("deploymentIds", deployments).param("authorizationUrl", address)
                .param("tokenUrl", address).param("jwksUrl", address)).andReturn().getResponse();
    }

    private long registered(String issuer) {
        return jdbc.sql("select count(*) from lti_platform where issuer = ?").param(issuer).query(Long.class).single();
    }

    @Test
    void aPlatformIsRegisteredOnceWithItsDeploymentsAndRemoved() throws Exception {
        assertThat(register(issuer, "client", "1\n2, 3\n\n2", issuer + "/auth").getRedirectedUrl())
                .isEqualTo("/admin/lti");
        long id = jdbc.sql("select id from lti_platform where issuer = ?").param(issuer).query(Long.class).single();
        assertThat(jdbc.sql("select deployment_id from lti_deployment where platform_id = ? order by deployment_id")
                .param(id).query(String.class).list()).containsExactly("1", "2", "3");

        MockHttpServletResponse again = register(issuer, "client", "9", issuer + "/auth");
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getContentAsString()).contains("This issuer and client ID are already registered.");
        assertThat(registered(issuer)).isEqualTo(1);

        String page = mvc.perform(get("/admin/lti").cookie(administrator).header("Host", "evil.example.org")
                .header("X-Forwarded-Host", "evil.example.org")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("https://imr.example.org/lti/login_initiation/" + id,
                "https://imr.example.org/lti/login", "https://imr.example.org/lti/jwks",
                "https://imr.example.org/lti/deep-linking").doesNotContain("evil.example.org");

        mvc.perform(post("/admin/lti/" + id + "/removal").with(csrf()).cookie(administrator));
        assertThat(registered(issuer)).isZero();
        assertThat(mvc.perform(post("/admin/lti/" + id + "/removal").with(csrf()).cookie(administrator))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    /** Learners are known by issuer and subject: a second registration of an issuer must trust the same keys. */
    @Test
    void anIssuerRegisteredAgainWithOtherKeysOrAnotherLoginAddressIsRefused() throws Exception {
        register(issuer, "client", "1", issuer + "/auth");
        MockHttpServletResponse otherKeys = mvc.perform(post("/admin/lti").with(csrf()).cookie(administrator)
                .param("issuer", issuer).param("clientId", "second").param("deploymentIds", "1")
                .param("authorizationUrl", issuer + "/auth").param("tokenUrl", issuer + "/auth")
                .param("jwksUrl", "https://attacker.example.org/keys")).andReturn().getResponse();
        assertThat(otherKeys.getStatus()).isEqualTo(200);
        assertThat(otherKeys.getContentAsString())
                .contains("This issuer is already registered with another public keyset URL");
        assertThat(register(issuer, "third", "1", "https://attacker.example.org/auth").getContentAsString())
                .as("another login address").contains("This issuer is already registered with another public keyset URL");
        assertThat(registered(issuer)).isEqualTo(1);

        assertThat(register(issuer, "second", "1", issuer + "/auth").getRedirectedUrl())
                .as("a second client id with the same keys and addresses").isEqualTo("/admin/lti");
        assertThat(registered(issuer)).isEqualTo(2);
    }

    @Test
    void addressesThatAreNotHttpsAndBlankOrOversizeFieldsAreRefusedWithAMessage() throws Exception {
        for (String address : new String[] {"http://lms.example.org/auth", "ftp://lms.example.org",
                "/relative/path", "https://user:pw@lms.example.org", "https://lms.example.org/#x", "not an address"}) {
            MockHttpServletResponse refused = register(issuer, "client", "1", address);
            assertThat(refused.getContentAsString()).as(address)
                    .contains("Enter a full address that starts with https://");
        }
        MockHttpServletResponse blank = register("", "", "", "");
        assertThat(blank.getContentAsString()).contains("Enter the issuer", "Enter the client ID",
                "Enter at least one deployment ID");
        MockHttpServletResponse long_ = register(issuer, "c".repeat(300), "d".repeat(256), issuer + "/auth");
        assertThat(long_.getContentAsString()).contains("The client ID can be at most 255 characters.",
                "Each deployment ID can be at most 255 characters");
        MockHttpServletResponse control = register(issuer, "client\u0000", "1", issuer + "/auth");
        assertThat(control.getStatus()).isEqualTo(200);
        assertThat(registered(issuer)).isZero();
    }
}
