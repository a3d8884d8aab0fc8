package org.imrplatform.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;

/** Learners for MockMvc tests: their session cookie is what a browser would send back. */
public final class Learners {

    public static final String PASSWORD = "a long enough passphrase";

    private Learners() {
    }

    /** Registers a learner and returns the session cookie of the browser that did it. */
    public static Cookie register(MockMvc mvc, String email) throws Exception {
        return mvc.perform(post("/register").with(csrf()).param("email", email).param("password", PASSWORD)
                        .param("fullName", "Test Learner").param("discipline", "COUNSELOR")
                        .param("organization", "Test Org").param("region", "NJ"))
                .andReturn().getResponse().getCookie("SESSION");
    }

    /** Signs in again, as from a second device, and returns that device's session cookie. */
    public static Cookie signIn(MockMvc mvc, String email) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", email).param("password", PASSWORD))
                .andReturn().getResponse().getCookie("SESSION");
    }
}
