package org.imrplatform.lti;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deep linking requests waiting for the teacher's choice, by a random id that only the teacher's page carries. A
 * request is taken by one delete, so a choice is returned to the platform once; it is good for an hour.
 */
@Repository
class DeepLinkRequests {

    static final Duration LIFETIME = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    record DeepLinkRequest(long platformId, String deploymentId, String returnUrl, String data) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DeepLinkRequests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps the request for the browser whose launch cookie has this hash ({@link LaunchCookie}); returns its id. */
    String keep(DeepLinkRequest request, String browser) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("delete from lti_deep_link_request where created_at < ?").param(now.minus(LIFETIME)).update();
        jdbc.sql("""
                        insert into lti_deep_link_request
                        (id, platform_id, deployment_id, return_url, data, browser, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(id, request.platformId(), request.deploymentId(), request.returnUrl(), request.data(),
                        browser, now)
                .update();
        return id;
    }

    /** The request, to the browser that made it only: another browser (no cookie, another one) finds nothing. */
    Optional<DeepLinkRequest> find(String id, String browser) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{43}") || browser == null) {
            return Optional.empty();
        }
        return jdbc.sql("select platform_id, deployment_id, return_url, data from lti_deep_link_request"
                        + " where id = ? and browser = ? and created_at >= ?")
                .params(id, browser, OffsetDateTime.now(clock).minus(LIFETIME))
                .query((rs, row) -> new DeepLinkRequest(rs.getLong("platform_id"), rs.getString("deployment_id"),
                        rs.getString("return_url"), rs.getString("data")))
                .optional();
    }

    /** Takes the request: true for the one caller that deleted it. */
    boolean take(String id, String browser) {
        return jdbc.sql("delete from lti_deep_link_request where id = ? and browser = ?").params(id, browser)
                .update() > 0;
    }
}
