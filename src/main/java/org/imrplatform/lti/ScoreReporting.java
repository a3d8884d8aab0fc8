package org.imrplatform.lti;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.imrplatform.completion.CourseCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.endpoint.NimbusJwtClientAuthenticationParametersConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClient;

/**
 * Sends a linked learner's completion of a course to each learning system that launched it with a gradebook column
 * (Assignment and Grade Services): an access token by the client credentials grant, authenticated by a JWT signed
 * with the tool key, then a score of 1 out of 1, completed and fully graded. It runs after the completion is
 * committed, on a thread of its own, so a slow or unreachable learning system never holds up the learner's page; if a
 * platform cannot be reached the listener fails, and the event publication registry delivers the event again later
 * (a score sent twice only says the same thing again).
 */
@Component
class ScoreReporting {

    private static final Logger log = LoggerFactory.getLogger(ScoreReporting.class);
    static final MediaType SCORE = MediaType.parseMediaType("application/vnd.ims.lis.v1.score+json");
    /** Answers of the scores service that will not change by sending the score again. */
    static final Set<Integer> REFUSED_FOR_GOOD = Set.of(400, 403, 404, 410, 422);
    /** Answers of the token endpoint that refuse this tool's client itself (RFC 6749 §5.2). */
    static final Set<String> CLIENT_REFUSED = Set.of("invalid_client", "unauthorized_client");

    private static final OAuth2ErrorHttpMessageConverter TOKEN_ERRORS = new OAuth2ErrorHttpMessageConverter();

    private final ScoreTargets targets;
    private final Platforms platforms;
    private final PlatformRegistrations registrations;
    private final PlatformAddress addresses;
    private final Clock clock;
    private final RestClient http;
    private final RestClientClientCredentialsTokenResponseClient tokens;

    ScoreReporting(ScoreTargets targets, Platforms platforms, PlatformRegistrations registrations,
            PlatformAddress addresses, ToolKey key, Clock clock) {
        this.targets = targets;
        this.platforms = platforms;
        this.registrations = registrations;
        this.addresses = addresses;
        this.clock = clock;
        // Short timeouts: a learning system that does not answer is tried again later rather than waited for.
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(requests).build();
        this.tokens = new RestClientClientCredentialsTokenResponseClient();
        this.tokens.setRestClient(RestClient.builder().requestFactory(requests)
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(HttpStatusCode::isError, ScoreReporting::tokenRefused).build());
        this.tokens.addParametersConverter(new NimbusJwtClientAuthenticationParametersConverter<>(
                registration -> key.signing()));
    }

    @Async
    @TransactionalEventListener
    void report(CourseCompleted completed) {
        for (ScoreTargets.ScoreTarget target : targets.of(completed.accountId(), completed.courseId())) {
            Platform platform = platforms.find(target.platformId()).orElse(null);
            if (platform == null || !addresses.ofPlatform(target.lineitemUrl(), platform)) {
                // Columns kept before their host was checked at launch are not reached either.
                continue;
            }
            try {
                send(platform, target);
                log.info("Completion of '{}' by account {} sent to platform {}", completed.courseId(),
                        completed.accountId(), platform.id());
            } catch (HttpClientErrorException e) {
                if (!REFUSED_FOR_GOOD.contains(e.getStatusCode().value())) {
                    throw notSent(platform, completed, e.getStatusCode().toString());
                }
                // The column is gone or the learner is no longer in the course there: sending again would not help.
                log.warn("Platform {} refused the completion of '{}' by account {}: {}", platform.id(),
                        completed.courseId(), completed.accountId(), e.getStatusCode());
            } catch (OAuth2AuthorizationException e) {
                String code = e.getError().getErrorCode();
                if (!CLIENT_REFUSED.contains(code)) {
                    throw notSent(platform, completed, "token " + code);
                }
                // The platform does not know this tool's client id or key: sending again would not help either;
                // its administrator must fix the registration there (the tool's public keyset URL, the client id).
                log.warn("Platform {} refused the tool's client ({}) for the completion of '{}' by account {}",
                        platform.id(), code, completed.courseId(), completed.accountId());
            } catch (RestClientException e) {
                throw notSent(platform, completed, e.getClass().getSimpleName());
            }
        }
    }

    /**
     * The failure the event publication registry retries on, told without what the platform answered: its body
     * (an error page, a description) is the platform's text, not ours to put in the error log.
     */
    private static IllegalStateException notSent(Platform platform, CourseCompleted completed, String why) {
        return new IllegalStateException("Completion of '" + completed.courseId() + "' by account "
                + completed.accountId() + " not sent to platform " + platform.id() + " (" + why + "); kept to retry");
    }

    private void send(Platform platform, ScoreTargets.ScoreTarget target) {
        String accessToken = tokens.getTokenResponse(new OAuth2ClientCredentialsGrantRequest(
                registrations.grades(platform, LaunchArrival.SCORE_SCOPE))).getAccessToken().getTokenValue();
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("userId", target.subject());
        score.put("scoreGiven", 1);
        score.put("scoreMaximum", 1);
        score.put("activityProgress", "Completed");
        score.put("gradingProgress", "FullyGraded");
        score.put("timestamp", clock.instant().toString());
        http.post().uri(scoresAddress(target.lineitemUrl())).contentType(SCORE)
                .header("Authorization", "Bearer " + accessToken).body(score).retrieve().toBodilessEntity();
    }

    /**
     * The token endpoint's error, as its code alone (RFC 6749 §5.2: JSON with an {@code error}, status 400, or 401
     * for a client that could not be authenticated, which Spring's own handler reads as no error response at all).
     * The description and the rest of the body are the platform's words and go nowhere.
     */
    private static void tokenRefused(HttpRequest request, ClientHttpResponse response) throws IOException {
        String code = "token_endpoint_" + response.getStatusCode().value();
        if (response.getStatusCode().is4xxClientError()) {
            try {
                OAuth2Error error = TOKEN_ERRORS.read(OAuth2Error.class, response);
                if (error.getErrorCode() != null && error.getErrorCode().matches("[a-z_]{1,40}")) {
                    code = error.getErrorCode();
                }
            } catch (HttpMessageNotReadableException notAnOAuthError) {
                // An error page: its status says enough.
            }
        }
        throw new OAuth2AuthorizationException(new OAuth2Error(code));
    }

    /** A line item's scores service: {@code /scores} added to its path, before any query. */
    static String scoresAddress(String lineitemUrl) {
        int query = lineitemUrl.indexOf('?');
        return query < 0 ? lineitemUrl + "/scores"
                : lineitemUrl.substring(0, query) + "/scores" + lineitemUrl.substring(query);
    }
}
