package org.imrplatform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** A generated first password goes to a file only its owner reads, never to the log, and must be replaced at once. */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void aGeneratedPasswordIsWrittenToAnOwnerOnlyFileAndMustBeChangedAtFirstSignIn(@TempDir Path dir,
            CapturedOutput log) throws Exception {
        String email = "first-admin-" + UUID.randomUUID() + "@example.org";
        Path file = dir.resolve("initial-admin-password.txt");
        new AdministratorBootstrap(accounts, encoder, email, "", file).run(new DefaultApplicationArguments());

        String generated = Files.readString(file).strip();
        assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(log.getOut()).contains(file.toAbsolutePath().toString()).doesNotContain(generated)
                .doesNotContain(email);

        Cookie session = mvc.perform(post("/login").with(csrf()).param("username", email)
                        .param("password", generated))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/admin/users").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/my-learning").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/account/password").cookie(session))
                .andExpect(content().string(containsString("Choose your own before you go on.")));

        Cookie renewed = mvc.perform(post("/account/password").with(csrf()).cookie(session)
                        .param("current", generated).param("password", "the keeper's own passphrase"))
                .andExpect(redirectedUrl("/account/password")).andReturn().getResponse().getCookie("SESSION");
        assertThat(renewed).isNotNull();
        mvc.perform(get("/admin/users").cookie(renewed)).andExpect(status().isOk());
        assertThat(accounts.passwordChangeRequired(accounts.findByEmail(email).orElseThrow().id())).isFalse();
    }

    @Test
    void aConfiguredPasswordNeedsNoChange(@TempDir Path dir) throws Exception {
        String email = "configured-admin-" + UUID.randomUUID() + "@example.org";
        new AdministratorBootstrap(accounts, encoder, email, "a configured passphrase", dir.resolve("unused.txt"))
                .run(new DefaultApplicationArguments());
        assertThat(Files.exists(dir.resolve("unused.txt"))).isFalse();
        assertThat(accounts.passwordChangeRequired(accounts.findByEmail(email).orElseThrow().id())).isFalse();
    }
}
