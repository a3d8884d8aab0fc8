package org.imrplatform.xapi;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The center's learning record store, from configuration: its xAPI endpoint ({@code imr.xapi.endpoint}, empty when
 * the center has none: then no statement is queued) and the HTTP Basic credentials LRSs issue. The password is
 * only ever put in the Authorization header.
 */
@Component
class LearningRecordStore {

    private final String endpoint;
    private final String authorization;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    LearningRecordStore(@Value("${imr.xapi.endpoint:}") String endpoint,
            @Value("${imr.xapi.username:}") String username, @Value("${imr.xapi.password:}") String password,
            @Value("${imr.xapi.connect-timeout:5s}") Duration connectTimeout,
            @Value("${imr.xapi.read-timeout:20s}") Duration readTimeout) {
        String trimmed = endpoint.strip();
        this.endpoint = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        if (!this.endpoint.isEmpty()) {
            URI uri = URI.create(this.endpoint);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null) {
                // Credentials in the address would be shown on the administrator's page: they go in their own settings.
                throw new IllegalStateException("imr.xapi.endpoint must be an http(s) address without credentials or"
                        + " query, such as https://lrs.example.org/xapi");
            }
            if ("http".equals(uri.getScheme()) && !isLoopback(uri.getHost())) {
                // Plain http would carry the store's key and secret, and what learners did, readable on the way.
                throw new IllegalStateException("imr.xapi.endpoint must use https (plain http only to this machine:"
                        + " localhost, 127.0.0.1 or [::1]); it is " + uri.getScheme() + "://" + uri.getHost());
            }
        }
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    private static boolean isLoopback(String host) {
        return "localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
    }

    boolean isConfigured() {
        return !endpoint.isEmpty();
    }

    /** The endpoint as configured, for the administrator's page. */
    String endpoint() {
        return endpoint;
    }

    /** Where a statement is stored under its own id, so sending it again never stores it twice. */
    URI statement(String statementId) {
        return URI.create(endpoint + "/statements?statementId=" + statementId);
    }

    String authorization() {
        return authorization;
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    Duration readTimeout() {
        return readTimeout;
    }
}
