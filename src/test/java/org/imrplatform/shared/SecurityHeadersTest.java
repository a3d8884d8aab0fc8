package org.imrplatform.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.imrplatform.support.HttpVisitor;
import org.imrplatform.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What every page tells the browser, and how the session cookie is set, on the real server. */
@ServerTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void pagesForbidInlineScriptFramingAndSniffing() {
        HttpResponse<String> page = new HttpVisitor(port).get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'",
                        "form-action 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.headers().firstValue("Permissions-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("camera=()", "microphone=()", "geolocation=()"));
    }

    @Test
    void theSessionCookieIsOutOfScriptsReachAndStaysOnTheSite() {
        HttpVisitor visitor = new HttpVisitor(port);
        HttpResponse<String> registered = visitor.submit("/register", "/register", "email",
                "cookie-" + UUID.randomUUID() + "@example.org", "password", "a long enough passphrase", "fullName",
                "Luz Ortiz", "discipline", "NURSE", "organization", "Test Org", "region", "NY");
        List<String> cookies = registered.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void redirectsNameAPathNotTheHostARequestClaimed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /my-learning HTTP/1.1\r\nHost: attacker.example\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 302").containsIgnoringCase("Location: /login")
                    .doesNotContain("attacker.example");
        }
    }
}
