package org.imrplatform.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Learners for MockMvc tests: their session cookie is what a browser would send back. */
public final class Learners {

    public static final String PASSWORD = "a long enough passphrase";
    private static final String RUN = UUID.randomUUID().toString();

    private Learners() {
    }

    /** This run's address for the learner called {@code name}: the suite may run twice on one database. */
    public static String email(String name) {
        return name + "-" + RUN + "@example.org";
    }

    /** Registers a learner and returns the session cookie of the browser that did it. */
    public static Cookie register(MockMvc mvc, String email) throws Exception {
        return register(mvc, email, "Test Learner");
    }

    public static Cookie register(MockMvc mvc, String email, String fullName) throws Exception {
        return mvc.perform(post("/register").with(csrf()).param("email", email).param("password", PASSWORD)
                        .param("fullName", fullName).param("discipline", "COUNSELOR")
                        .param("organization", "Test Org").param("region", "NJ"))
                .andReturn().getResponse().getCookie("SESSION");
    }

    /** Completes the test course and submits its evaluation, which makes the learner eligible for a certificate. */
    public static void completeAndEvaluateTestCourse(MockMvc mvc, Cookie session) throws Exception {
        completeTestCourse(mvc, session);
        mvc.perform(post("/courses/test-course/evaluation").with(csrf()).cookie(session).param("action", "submit")
                        .param("overallQuality", "5").param("recommend", "5").param("benefit", "4")
                        .param("useInPractice", "4"))
                .andExpect(status().is3xxRedirection());
    }

    /** Sees every slide of the test course and passes its knowledge check, which completes the course. */
    public static void completeTestCourse(MockMvc mvc, Cookie session) throws Exception {
        String module = "/courses/test-course/modules/";
        for (String slide : List.of("basics/slides/objectives", "basics/slides/welcome", "basics/slides/elements",
                "basics/slides/reflect", "basics/slides/story", "basics/slides/check", "basics/slides/reading",
                "basics/slides/goodbye", "second/slides/only")) {
            mvc.perform(get(module + slide).cookie(session)).andExpect(status().isOk());
        }
        mvc.perform(post(module + "basics/slides/check/answers").with(csrf()).cookie(session)
                        .param("q-nonlinear", "1").param("q-elements", "0", "1"))
                .andExpect(status().isOk());
    }

    /** Signs in again, as from a second device, and returns that device's session cookie. */
    public static Cookie signIn(MockMvc mvc, String email) throws Exception {
        return signIn(mvc, email, PASSWORD);
    }

    public static Cookie signIn(MockMvc mvc, String email, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", email).param("password", password))
                .andReturn().getResponse().getCookie("SESSION");
    }

    /** Registers a person, grants them roles as an administrator would, and returns their new session cookie. */
    public static Cookie withRoles(MockMvc mvc, JdbcClient jdbc, String email, String fullName, String... roles)
            throws Exception {
        register(mvc, email, fullName);
        long id = jdbc.sql("select id from account where email_key = ?").param(email.toLowerCase(Locale.ROOT))
                .query(Long.class).single();
        for (String role : roles) {
            jdbc.sql("insert into account_role (account_id, role) values (?, ?)").params(id, role).update();
        }
        return signIn(mvc, email);
    }

    /** The administrator created at start-up from the test properties. */
    public static Cookie administrator(MockMvc mvc) throws Exception {
        return signIn(mvc, "admin@example.org", "test-admin-password");
    }
}
