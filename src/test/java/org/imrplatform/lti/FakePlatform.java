package org.imrplatform.lti;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A learning system (LTI platform) for tests: its own RSA key and key set, a token endpoint and a line item's scores
 * endpoint that record what they receive, and id tokens made as a platform makes them.
 */
final class FakePlatform implements AutoCloseable {

    record Received(Map<String, String> headers, String body) {
    }

    final RSAKey key;
    final HttpServer server;
    final String issuer;
    final String clientId = "client-" + UUID.randomUUID();
    final String deploymentId = "deployment-" + UUID.randomUUID();
    final List<Received> tokenRequests = new CopyOnWriteArrayList<>();
    final List<Received> scores = new CopyOnWriteArrayList<>();
    /** How many score posts to answer {@link #failureStatus} (and not record) before taking them. */
    final AtomicInteger failingScores = new AtomicInteger();
    final AtomicInteger scoreAttempts = new AtomicInteger();
    volatile int failureStatus = 500;
    volatile String failureBody = "{}";
    /** When set, the token endpoint refuses the client with this OAuth error code (401). */
    volatile String tokenError;
    final List<Received> deepLinkReturns = new CopyOnWriteArrayList<>();
    /**
     * For a browser: how the platform answers an authentication request (its query parameters), with the id token it
     * signs; the answer is a page whose button posts the token to {@code launchAddress}, as a platform's
     * auto-submitted form does (here without script).
     */
    volatile java.util.function.Function<Map<String, String>, JWTClaimsSet> answering;
    volatile String launchAddress;

    FakePlatform() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("platform-" + UUID.randomUUID()).generate();
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        issuer = base() + "/platform-" + UUID.randomUUID();
        server.createContext("/jwks", exchange -> answer(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/token", exchange -> {
            tokenRequests.add(received(exchange));
            if (tokenError != null) {
                answer(exchange, 401, "{\"error\":\"" + tokenError + "\",\"error_description\":\"lms-said-this\"}");
                return;
            }
            answer(exchange, 200, "{\"access_token\":\"platform-token\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        });
        server.createContext("/lineitems", exchange -> {
            scoreAttempts.incrementAndGet();
            if (failingScores.getAndDecrement() > 0) {
                answer(exchange, failureStatus, failureBody);
                return;
            }
            scores.add(received(exchange));
            answer(exchange, 200, "");
        });
        server.createContext("/auth", exchange -> {
            Map<String, String> request = parameters(exchange.getRequestURI().toString());
            String idToken;
            try {
                idToken = sign(answering.apply(request));
            } catch (Exception e) {
                throw new IOException(e);
            }
            page(exchange, "<form method=\"post\" action=\"" + launchAddress + "\">"
                    + "<input type=\"hidden\" name=\"id_token\" value=\"" + idToken + "\">"
                    + "<input type=\"hidden\" name=\"state\" value=\"" + request.get("state") + "\">"
                    + "<button type=\"submit\">Continue to the tool</button></form>");
        });
        server.createContext("/deep-link-return", exchange -> {
            deepLinkReturns.add(received(exchange));
            page(exchange, "<h1>Content received</h1>");
        });
        server.start();
    }

    String base() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    String lineitem() {
        return base() + "/lineitems/7?type=course";
    }

    /** The form the administrator fills in for this platform. */
    PlatformForm form() {
        return new PlatformForm(issuer, clientId, deploymentId, base() + "/auth", base() + "/token", base() + "/jwks");
    }

    /** Claims of a valid resource link launch of {@code target} for {@code subject}, signed by this platform. */
    JWTClaimsSet.Builder launchClaims(String subject, String nonce, String target) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).audience(clientId).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", nonce).claim("azp", clientId)
                .claim("name", "Launched Learner " + subject)
                .claim("email", "shared-" + subject + "@example.org")
                .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiResourceLinkRequest")
                .claim("https://purl.imsglobal.org/spec/lti/claim/version", "1.3.0")
                .claim("https://purl.imsglobal.org/spec/lti/claim/deployment_id", deploymentId)
                .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", target)
                .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", Map.of("id", "link-1"))
                .claim("https://purl.imsglobal.org/spec/lti/claim/roles",
                        List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"));
    }

    String sign(JWTClaimsSet claims) throws Exception {
        return sign(claims, key);
    }

    static String sign(JWTClaimsSet claims, RSAKey with) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(),
                claims);
        jwt.sign(new RSASSASigner(with));
        return jwt.serialize();
    }

    /** The query parameters of an address. */
    static Map<String, String> parameters(String address) {
        String query = URI.create(address).getRawQuery();
        return form(query == null ? "" : query);
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        Arrays.stream(encoded.split("&")).filter(pair -> !pair.isEmpty()).forEach(pair -> {
            int equals = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        });
        return values;
    }

    static Consumer<JWTClaimsSet.Builder> unchanged() {
        return claims -> { };
    }

    private static Received received(HttpExchange exchange) throws IOException {
        Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), e -> String.join(",", e.getValue())));
        headers.put(":path", exchange.getRequestURI().toString());
        return new Received(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static void page(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = ("<!DOCTYPE html><html lang=\"en\"><head><title>Platform</title></head><body><main>" + body
                + "</main></body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
