package org.imrplatform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-process cmi5 LMS for browser tests, on the JDK's HTTP server: it serves an unpacked cmi5 package's AU
 * under /au/, makes launch addresses with cmi5's parameters, answers the fetch URL with a token once (cmi5 §8.2:
 * a second request gets an error), keeps each launch's LMS.LaunchData in the State API, and stores the statements
 * and state documents the AU sends when they carry that token. Everything it received stays readable, in order.
 */
public final class TestCmi5Lms implements AutoCloseable {

    public static final String PUBLISHER_ID = "https://lms.example.org/courses/test-publisher";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper SORTED =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final HttpServer server;
    private final String base;
    private final List<JsonNode> statements = new ArrayList<>();
    private final List<List<String>> posts = new ArrayList<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>(); // launch id -> token, until fetched
    private final Map<String, Boolean> validTokens = new ConcurrentHashMap<>();
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final List<String> refusals = new ArrayList<>();

    private TestCmi5Lms(Path auFolder) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/au/", new StaticFolder(auFolder));
        server.createContext("/lms/fetch/", this::fetch);
        server.createContext("/lms/xapi/statements", this::statement);
        server.createContext("/lms/xapi/activities/state", this::state);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves the AU in {@code auFolder} (an unpacked package) under /au/. */
    public static TestCmi5Lms serving(Path auFolder) {
        try {
            return new TestCmi5Lms(auFolder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The actor launches name: a learner known to the LMS only by an account. */
    public static Map<String, Object> actor(String name) {
        return Map.of("objectType", "Agent",
                "account", Map.of("homePage", "https://lms.example.org", "name", name));
    }

    /**
     * A launch of the AU at {@code auUrl} (relative to the package) for the actor and registration, as a cmi5 LMS
     * makes one (cmi5 §8.1): LaunchData is stored, a new one-time fetch URL issued, and the AU's address returned.
     */
    public synchronized String launch(String auUrl, String activityId, Map<String, Object> actor,
            String registration, Double masteryScore) {
        String launchId = UUID.randomUUID().toString();
        tokens.put(launchId, UUID.randomUUID().toString());
        Map<String, Object> contextTemplate = Map.of(
                "contextActivities", Map.of("grouping", List.of(Map.of("id", PUBLISHER_ID))),
                "extensions", Map.of("https://w3id.org/xapi/cmi5/context/extensions/sessionid", launchId));
        Map<String, Object> launchData = new LinkedHashMap<>();
        launchData.put("contextTemplate", contextTemplate);
        launchData.put("launchMode", "Normal");
        launchData.put("moveOn", "CompletedAndPassed");
        if (masteryScore != null) {
            launchData.put("masteryScore", masteryScore);
        }
        states.put(stateKey("LMS.LaunchData", activityId, json(actor), registration), json(launchData));
        return base + "/au/" + auUrl + "?endpoint=" + encode(base + "/lms/xapi/") + "&fetch="
                + encode(base + "/lms/fetch/" + launchId) + "&actor=" + encode(json(actor)) + "&registration="
                + encode(registration) + "&activityId=" + encode(activityId);
    }

    /** The ids of the statements each POST carried, in the order the POSTs came. */
    public synchronized List<List<String>> posts() {
        return List.copyOf(posts);
    }

    /** The statements received, in the order they came. */
    public synchronized List<JsonNode> statements() {
        return List.copyOf(statements);
    }

    /** A state document the AU stored, or null. */
    public String state(String stateId, String activityId, Map<String, Object> actor, String registration) {
        return states.get(stateKey(stateId, activityId, json(actor), registration));
    }

    /** Requests refused (no or a wrong token, a fetch URL used twice), described. */
    public synchronized List<String> refusals() {
        return List.copyOf(refusals);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void fetch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String launchId = exchange.getRequestURI().getPath().substring("/lms/fetch/".length());
            String token = tokens.remove(launchId);
            if (!"POST".equals(exchange.getRequestMethod()) || token == null) {
                refused("fetch " + exchange.getRequestMethod() + " " + launchId);
                send(exchange, 200, json(Map.of("error-code", "1", "error-text", "The fetch URL was used already")));
                return;
            }
            validTokens.put(token, true);
            send(exchange, 200, json(Map.of("auth-token", token)));
        }
    }

    private void statement(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorized(exchange) || !"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 401, "");
                return;
            }
            // xAPI: one statement or an array of them; the ids come back in the same order.
            JsonNode received = JSON.readTree(exchange.getRequestBody());
            List<JsonNode> batch = new ArrayList<>();
            if (received.isArray()) {
                received.forEach(batch::add);
            } else {
                batch.add(received);
            }
            synchronized (this) {
                statements.addAll(batch);
                posts.add(batch.stream().map(statement -> statement.path("id").asText()).toList());
            }
            send(exchange, 200, json(batch.stream().map(statement -> statement.path("id").asText()).toList()));
        }
    }

    private void state(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorized(exchange)) {
                send(exchange, 401, "");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String key = stateKey(query.get("stateId"), query.get("activityId"), canonical(query.get("agent")),
                    query.get("registration"));
            switch (exchange.getRequestMethod()) {
                case "GET" -> {
                    String document = states.get(key);
                    if (document == null) {
                        send(exchange, 404, "");
                    } else {
                        send(exchange, 200, document);
                    }
                }
                case "PUT", "POST" -> {
                    states.put(key, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    send(exchange, 204, null);
                }
                default -> send(exchange, 405, "");
            }
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String version = exchange.getRequestHeaders().getFirst("X-Experience-API-Version");
        boolean ok = authorization != null && authorization.startsWith("Basic ")
                && validTokens.containsKey(authorization.substring("Basic ".length()))
                && version != null && version.startsWith("1.0");
        if (!ok) {
            refused(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " without a valid token");
        }
        return ok;
    }

    private synchronized void refused(String what) {
        refusals.add(what);
    }

    private static String stateKey(String stateId, String activityId, String agent, String registration) {
        return stateId + "|" + activityId + "|" + agent + "|" + registration;
    }

    /** The agent as the LMS compares it: the same JSON whatever its spacing or key order. */
    private static String canonical(String agent) {
        try {
            return json(JSON.treeToValue(JSON.readTree(agent), Object.class));
        } catch (IOException | RuntimeException e) {
            return "unreadable";
        }
    }

    private static String json(Object value) {
        try {
            return SORTED.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
