package org.imrplatform.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * An in-process learning record store for tests: it takes {@code PUT <endpoint>/statements?statementId=<id>}, checks
 * each statement against the xAPI 1.0.3 rules the platform relies on (answering 400 and noting the problem when one
 * is broken), and stores each statement once by its id, as a real store does (the same statement again: 204; a
 * different one under a stored id: 409). It can be told to answer 500, to hang past the client's timeout, to refuse
 * with 400, or to be down altogether (nothing listening on its port).
 *
 * <p>One store serves the whole test run; {@link Configured} points an application context at it.
 */
public final class TestLrs {

    public static final String USERNAME = "lrs-key";
    public static final String PASSWORD = "lrs-secret-never-shown";
    /** The client's read timeout in the contexts {@link Configured} makes: a hanging store outlasts it. */
    public static final String READ_TIMEOUT = "1s";

    public enum Mode { STORE, FAIL_500, REJECT_400, HANG }

    private static final TestLrs SHARED = new TestLrs();
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    /** RFC 5646 language tags as far as xAPI language maps need them. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*");
    private static final List<String> IDENTIFIERS = List.of("mbox", "mbox_sha1sum", "openid", "account");

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, JsonNode> stored = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> puts = new ConcurrentHashMap<>();
    private final List<JsonNode> storedInOrder = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicInteger hanging = new AtomicInteger();
    private final int port;
    private volatile Mode mode = Mode.STORE;
    private volatile CountDownLatch release = new CountDownLatch(1);
    private volatile HttpServer server;

    private TestLrs() {
        try {
            server = start(0);
        } catch (IOException e) {
            throw new IllegalStateException("The test LRS could not start", e);
        }
        port = server.getAddress().getPort();
    }

    public static TestLrs shared() {
        return SHARED;
    }

    /** The xAPI endpoint the application is given. */
    public String endpoint() {
        return "http://127.0.0.1:" + port + "/xapi";
    }

    /** Points a test's application context at the shared store, with short timeouts and no timer sending. */
    public static final class Configured implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                    "imr.xapi.endpoint=" + SHARED.endpoint(), "imr.xapi.username=" + USERNAME,
                    "imr.xapi.password=" + PASSWORD, "imr.xapi.connect-timeout=1s",
                    "imr.xapi.read-timeout=" + READ_TIMEOUT,
                    // Tests send when they choose to; the timer would race them.
                    "imr.xapi.send-every=1h");
        }
    }

    /** How the store answers from now on; a hanging request still hanging is let go. */
    public void answer(Mode mode) {
        this.mode = mode;
        if (mode != Mode.HANG) {
            release.countDown();
            release = new CountDownLatch(1);
        }
    }

    /** Nothing listens on the store's port any more: connections are refused. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listening again on the same port (if it was down). */
    public synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            server = start(port);
        } catch (IOException e) {
            throw new IllegalStateException("The test LRS could not listen again on " + port, e);
        }
    }

    public JsonNode statement(String id) {
        return stored.get(id);
    }

    /** Every stored statement, in the order stored. */
    public List<JsonNode> statements() {
        return List.copyOf(storedInOrder);
    }

    /** The stored statements whose actor has the given account name, in the order stored. */
    public List<JsonNode> statementsOf(String actorName) {
        return storedInOrder.stream().filter(s -> actorName.equals(s.at("/actor/account/name").asText())).toList();
    }

    /** How many times a statement was sent (a PUT arrived), whatever was answered. */
    public int timesSent(String id) {
        AtomicInteger count = puts.get(id);
        return count == null ? 0 : count.get();
    }

    /** Requests answered 400 because a rule was broken, each with the rule; the platform must cause none. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** How many requests are hanging right now. */
    public int hanging() {
        return hanging.get();
    }

    private HttpServer start(int onPort) throws IOException {
        HttpServer started = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        started.createContext("/xapi/statements", this::handle);
        started.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-lrs");
            thread.setDaemon(true);
            return thread;
        }));
        started.start();
        return started;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String id = statementId(exchange.getRequestURI());
            if (id != null) {
                puts.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
            }
            Mode now = mode;
            if (now == Mode.FAIL_500) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            if (now == Mode.REJECT_400) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            List<String> broken = new ArrayList<>();
            JsonNode statement = check(exchange, id, body, broken);
            if (!broken.isEmpty()) {
                problems.addAll(broken);
                exchange.sendResponseHeaders(broken.contains("authorization") ? 401 : 400, -1);
                return;
            }
            int status = store(id, statement);
            if (now == Mode.HANG) {
                // Stored, but the answer comes too late: the sender must send it again, and it is not stored twice.
                hanging.incrementAndGet();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    hanging.decrementAndGet();
                }
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private int store(String id, JsonNode statement) {
        JsonNode before = stored.putIfAbsent(id, statement);
        if (before == null) {
            storedInOrder.add(statement);
            return 204;
        }
        return before.equals(statement) ? 204 : 409;
    }

    private static String statementId(URI uri) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("statementId=")) {
                return pair.substring("statementId=".length());
            }
        }
        return null;
    }

    /** The xAPI 1.0.3 rules the platform relies on; each broken one is added to {@code broken}. */
    private JsonNode check(HttpExchange exchange, String id, byte[] body, List<String> broken) {
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            broken.add("authorization");
        }
        if (!"1.0.3".equals(exchange.getRequestHeaders().getFirst("X-Experience-API-Version"))) {
            broken.add("X-Experience-API-Version must be 1.0.3");
        }
        if (!"PUT".equals(exchange.getRequestMethod())) {
            broken.add("statements are stored with PUT");
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            broken.add("Content-Type must be application/json");
        }
        if (id == null || !UUID.matcher(id).matches()) {
            broken.add("statementId must be a UUID");
        }
        JsonNode statement;
        try {
            statement = json.readTree(body);
        } catch (IOException e) {
            broken.add("the body is not JSON");
            return null;
        }
        if (statement == null || !statement.isObject()) {
            broken.add("the body is not a statement");
            return statement;
        }
        if (!statement.path("id").asText("").equals(id)) {
            broken.add("statementId must equal the statement's id");
        }
        for (String required : List.of("actor", "verb", "object")) {
            if (!statement.path(required).isObject()) {
                broken.add("a statement needs " + required);
            }
        }
        JsonNode actor = statement.path("actor");
        long identifiers = IDENTIFIERS.stream().filter(actor::has).count();
        if (identifiers != 1) {
            broken.add("an agent has exactly one identifier, not " + identifiers);
        }
        if (actor.has("account") && (!absoluteIri(actor.at("/account/homePage").asText(""))
                || actor.at("/account/name").asText("").isEmpty())) {
            broken.add("an account needs an absolute homePage and a name");
        }
        if (!absoluteIri(statement.at("/verb/id").asText(""))) {
            broken.add("a verb id is an absolute IRI");
        }
        languageMap(statement.at("/verb/display"), "verb.display", broken);
        activity(statement.path("object"), broken);
        JsonNode context = statement.path("context");
        for (String kind : List.of("parent", "grouping", "category", "other")) {
            statement.at("/context/contextActivities/" + kind).forEach(a -> activity(a, broken));
        }
        if (context.has("registration") && !UUID.matcher(context.path("registration").asText()).matches()) {
            broken.add("a registration is a UUID");
        }
        if (context.has("language") && !LANGUAGE_TAG.matcher(context.path("language").asText()).matches()) {
            broken.add("context.language is a language tag");
        }
        if (statement.has("timestamp")) {
            try {
                OffsetDateTime.parse(statement.path("timestamp").asText());
            } catch (DateTimeParseException e) {
                broken.add("timestamp is ISO 8601 with a zone");
            }
        }
        JsonNode score = statement.at("/result/score");
        if (!score.isMissingNode()) {
            if (score.has("scaled") && (score.path("scaled").asDouble() < -1 || score.path("scaled").asDouble() > 1)) {
                broken.add("score.scaled lies in [-1, 1]");
            }
            if (score.has("min") && score.has("max") && score.path("min").asDouble() > score.path("max").asDouble()) {
                broken.add("score.min is at most score.max");
            }
            if (score.has("raw") && (score.has("min") && score.path("raw").asDouble() < score.path("min").asDouble()
                    || score.has("max") && score.path("raw").asDouble() > score.path("max").asDouble())) {
                broken.add("score.raw lies within min and max");
            }
        }
        return statement;
    }

    private static void activity(JsonNode activity, List<String> broken) {
        if (activity.has("objectType") && !"Activity".equals(activity.path("objectType").asText())) {
            broken.add("the platform's objects are activities");
        }
        if (!absoluteIri(activity.path("id").asText(""))) {
            broken.add("an activity id is an absolute IRI: " + activity.path("id").asText());
        }
        JsonNode definition = activity.path("definition");
        languageMap(definition.path("name"), "definition.name", broken);
        languageMap(definition.path("description"), "definition.description", broken);
        if (definition.has("type") && !absoluteIri(definition.path("type").asText())) {
            broken.add("an activity type is an absolute IRI");
        }
        definition.path("choices").forEach(choice -> {
            if (choice.path("id").asText("").isEmpty()) {
                broken.add("a choice has an id");
            }
            languageMap(choice.path("description"), "choice.description", broken);
        });
    }

    private static void languageMap(JsonNode map, String what, List<String> broken) {
        if (map.isMissingNode()) {
            return;
        }
        if (!map.isObject()) {
            broken.add(what + " is a language map");
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> entries = map.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (!LANGUAGE_TAG.matcher(entry.getKey()).matches() || !entry.getValue().isTextual()) {
                broken.add(what + " maps language tags to strings, not " + entry.getKey());
            }
        }
    }

    private static boolean absoluteIri(String iri) {
        try {
            URI uri = new URI(iri);
            return uri.isAbsolute() && uri.getScheme() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
