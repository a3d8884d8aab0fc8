package org.imrplatform.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.imrplatform.support.HttpVisitor;
import org.imrplatform.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One person sending several forms at once (a double click, two tabs) on the real server, whose sessions live in the
 * database: every request is answered, none with an error from two of them saving the same session attribute.
 */
@ServerTest
class ParallelRequestsTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountRepository accounts;

    @Test
    void formsSentTogetherInOneSessionAreAllAnswered() throws Exception {
        HttpVisitor admin = new HttpVisitor(port);
        admin.signIn("admin@example.org", "test-admin-password");
        admin.get("/admin/users"); // the session's CSRF token, made once before the forms go out together
        long self = accounts.findByEmail("admin@example.org").orElseThrow().id();
        // Switching oneself off is refused with a message carried to the next page (a flash attribute in the session).
        Callable<Integer> refused = () -> admin.submit("/admin/users", "/admin/users/" + self + "/enabled",
                "enabled", "false").statusCode();
        List<Integer> statuses;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> sent = pool.invokeAll(IntStream.range(0, 24).mapToObj(i -> refused).toList());
            statuses = sent.stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
        assertThat(statuses).containsOnly(302);
        assertThat(admin.get("/admin/users").body()).contains("You cannot switch off your own account");
    }
}
