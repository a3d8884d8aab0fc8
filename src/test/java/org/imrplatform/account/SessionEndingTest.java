package org.imrplatform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imrplatform.support.HttpVisitor.location;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.imrplatform.support.HttpVisitor;
import org.imrplatform.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sessions end when they should, on the real server with its database-stored sessions. */
@ServerTest
class SessionEndingTest {

    private static final String PASSWORD = "a long enough passphrase";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRepository accounts;

    private String newLearner(HttpVisitor browser) {
        String email = "session-" + UUID.randomUUID() + "@example.org";
        HttpResponse<String> registered = browser.submit("/register", "/register", "email", email, "password",
                PASSWORD, "fullName", "Rosa Colón", "discipline", "COUNSELOR", "organization", "Test Org",
                "region", "PR");
        assertThat(location(registered)).isEqualTo("/?welcome");
        return email;
    }

    private static boolean opensMyLearning(HttpVisitor browser) {
        return browser.get("/my-learning").statusCode() == 200;
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsButNotThisOne() {
        HttpVisitor laptop = new HttpVisitor(port);
        String email = newLearner(laptop);
        HttpVisitor phone = new HttpVisitor(port);
        assertThat(location(phone.signIn(email, PASSWORD))).isEqualTo("/");
        assertThat(opensMyLearning(phone)).isTrue();

        HttpResponse<String> wrong = laptop.submit("/account/password", "/account/password", "current", "not it",
                "password", "a newer passphrase");
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("The current password is not right.");
        assertThat(opensMyLearning(phone)).as("a refused change ends nothing").isTrue();

        HttpResponse<String> changed = laptop.submit("/account/password", "/account/password", "current", PASSWORD,
                "password", "a newer passphrase");
        assertThat(location(changed)).isEqualTo("/account/password");
        assertThat(laptop.get("/account/password").body()).contains("Your password is changed.");
        assertThat(opensMyLearning(laptop)).isTrue();
        assertThat(opensMyLearning(phone)).as("the other device is signed out").isFalse();
        assertThat(location(new HttpVisitor(port).signIn(email, "a newer passphrase"))).isEqualTo("/");
    }

    @Test
    void aRoleTakenAwayStopsWorkingInLiveSessionsAtOnce() {
        HttpVisitor facilitator = new HttpVisitor(port);
        String email = newLearner(facilitator);
        long id = accounts.findByEmail(email).orElseThrow().id();
        HttpVisitor admin = new HttpVisitor(port);
        assertThat(location(admin.signIn("admin@example.org", "test-admin-password"))).isEqualTo("/");
        admin.submit("/admin/users", "/admin/users/" + id + "/roles", "roles", "LEARNER", "roles", "FACILITATOR");
        assertThat(location(facilitator.signIn(email, PASSWORD))).isEqualTo("/");
        assertThat(facilitator.get("/practice").statusCode()).isEqualTo(200);

        admin.submit("/admin/users", "/admin/users/" + id + "/roles", "roles", "LEARNER");
        assertThat(facilitator.get("/practice").statusCode()).as("the live session no longer holds the role")
                .isNotEqualTo(200);
        assertThat(location(facilitator.signIn(email, PASSWORD))).as("back from the sign-in page")
                .isEqualTo("/practice");
        assertThat(facilitator.get("/practice").statusCode()).isEqualTo(403);
    }

    /**
     * A visitor sent to the sign-in page is brought back afterwards without a session being stored for them: every
     * such request used to write a session row holding the whole request (headers included) for an hour, so anyone
     * could fill the database. Only a path of this site is ever gone back to.
     */
    @Test
    void aVisitorSentToSignInStoresNoSessionAndIsBroughtBack() {
        HttpVisitor visitor = new HttpVisitor(port);
        String email = newLearner(visitor);
        visitor.submit("/", "/logout");
        HttpResponse<String> refused = visitor.get("/my-learning?tab=done");
        assertThat(location(refused)).isEqualTo("/login");
        assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));
        assertThat(location(visitor.signIn(email, PASSWORD))).isEqualTo("/my-learning?tab=done");
        assertThat(visitor.get("/my-learning?tab=done").statusCode()).isEqualTo(200);
        assertThat(location(visitor.signIn(email, PASSWORD))).as("only once").isEqualTo("/");

        HttpVisitor forged = new HttpVisitor(port);
        forged.get("/login");
        assertThat(location(forged.submitWithHeaders("/login", "/login",
                new String[] {"Cookie", "imr-return=Ly9ldmlsLmV4YW1wbGUv"}, "username", email, "password", PASSWORD)))
                .as("a planted address elsewhere is not followed").isEqualTo("/");
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetimeHoweverBusy() {
        HttpVisitor browser = new HttpVisitor(port);
        String email = newLearner(browser);
        assertThat(opensMyLearning(browser)).isTrue();
        age(email, Duration.ofHours(11));
        assertThat(opensMyLearning(browser)).as("eleven hours old, kept busy").isTrue();
        age(email, Duration.ofHours(12).plusMinutes(1));
        assertThat(opensMyLearning(browser)).as("past twelve hours").isFalse();
    }

    /** Makes the account's sessions look as if they began that long ago (they have been used all along). */
    private void age(String email, Duration age) {
        assertThat(jdbc.sql("update spring_session set creation_time = ? where principal_name = ?")
                .params(System.currentTimeMillis() - age.toMillis(), email).update()).isPositive();
    }

    @Test
    void forwardedHeadersFromAnUnnamedProxyAreNotBelieved() {
        HttpResponse<String> page = new HttpVisitor(port).get("/login", "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "attacker.example", "X-Forwarded-For", "203.0.113.9");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("not taken for HTTPS").isEmpty();
        assertThat(page.body()).doesNotContain("attacker.example");
    }

    @Test
    void anAnonymousUploadIsRefusedBeforeItsBodyIsRead() throws Exception {
        int megabytes = 30;
        HttpRequest upload = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/courses"))
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
                    private long left = megabytes * 1024L * 1024L;

                    @Override
                    public int read() {
                        return left-- > 0 ? 'x' : -1;
                    }
                })).timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(upload, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Connection")).hasValue("close");
    }
}
