package org.imrplatform.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.imrplatform.course.CourseModule;
import org.imrplatform.course.Slide;
import org.imrplatform.course.packaging.CoursePackage;
import org.imrplatform.course.packaging.CoursePackageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the server with SIGKILL in the middle of a stream of progress saves, restarts it on the same database and
 * checks that every save the learner saw acknowledged is still there. Runs on the suite's database: an H2 file
 * normally, PostgreSQL in the PostgreSQL run.
 */
class ProgressDurabilityTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SEEN = Pattern.compile("(\\d+) of (\\d+) slides seen");
    private static final int ACKNOWLEDGED_BEFORE_KILL = 25;

    @TempDir
    Path work;

    @Test
    void everyAcknowledgedSaveSurvivesAKill() throws Exception {
        String database = System.getProperty("spring.datasource.url", "");
        List<String> databaseArgs = database.startsWith("jdbc:postgresql")
                ? List.of("--spring.datasource.url=" + database,
                        "--spring.datasource.username=" + System.getProperty("spring.datasource.username", ""),
                        "--spring.datasource.password=" + System.getProperty("spring.datasource.password", ""))
                : List.of("--spring.datasource.url=jdbc:h2:file:" + work.resolve("db") + ";WRITE_DELAY=0");
        List<String> slides = new ArrayList<>();
        for (CourseModule module : CoursePackageReader.read(CoursePackage.fromClasspath("courses/imr-intro")).modules()) {
            for (Slide slide : module.slides()) {
                slides.add("/courses/imr-intro/modules/" + module.id() + "/slides/" + slide.id());
            }
        }
        String email = "durable." + UUID.randomUUID() + "@example.org";

        int port = freePort();
        Process server = start(port, databaseArgs);
        try {
            HttpClient learner = signedUpLearner(port, email);
            for (String slide : slides.subList(0, ACKNOWLEDGED_BEFORE_KILL)) {
                assertThat(learner.send(get(port, slide), HttpResponse.BodyHandlers.discarding()).statusCode())
                        .isEqualTo(200);
            }
            // One more save is on its way, never acknowledged, when the server is killed: no sleep decides anything.
            learner.sendAsync(get(port, slides.get(ACKNOWLEDGED_BEFORE_KILL)), HttpResponse.BodyHandlers.discarding());
            server.destroyForcibly().waitFor();
        } finally {
            server.destroyForcibly().waitFor();
        }
        Process restarted = start(port, databaseArgs);
        try {
            HttpClient learner = signedIn(port, email);
            String course = learner.send(get(port, "/courses/imr-intro"), HttpResponse.BodyHandlers.ofString()).body();
            Matcher seen = SEEN.matcher(course);
            int total = 0;
            while (seen.find()) {
                total += Integer.parseInt(seen.group(1));
            }
            assertThat(total).as("slides seen after the restart").isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
            assertThat(course).contains("Resume where you left off");
        } finally {
            restarted.destroyForcibly().waitFor();
        }
    }

    private Process start(int port, List<String> databaseArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), "org.imrplatform.ImrPlatformApplication",
                "--server.port=" + port, "--imr.admin.password=durability-test",
                "--imr.courses.bundled=courses/imr-intro", "--logging.level.root=WARN"));
        command.addAll(databaseArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("server-" + System.nanoTime() + ".log").toFile()).start();
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (int i = 0; i < 240; i++) {
            try {
                if (probe.send(get(port, "/courses/imr-intro"), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return process;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("the server did not start:\n" + logs());
    }

    private String logs() throws IOException {
        StringBuilder text = new StringBuilder();
        for (File log : work.toFile().listFiles((dir, name) -> name.endsWith(".log"))) {
            text.append(Files.readString(log.toPath()));
        }
        return text.toString();
    }

    private static HttpClient signedUpLearner(int port, String email) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = csrf(client.send(get(port, "/register"), HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> response = client.send(post(port, "/register", "_csrf=" + token + "&email=" + encode(email)
                + "&password=" + encode("steady steps forward") + "&fullName=Dee+Durable&discipline=NURSE"
                + "&organization=Test&region=NY"), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("registration redirects").isEqualTo(302);
        return client;
    }

    private static HttpClient signedIn(int port, String email) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = csrf(client.send(get(port, "/login"), HttpResponse.BodyHandlers.ofString()).body());
        client.send(post(port, "/login", "_csrf=" + token + "&username=" + encode(email) + "&password="
                + encode("steady steps forward")), HttpResponse.BodyHandlers.discarding());
        return client;
    }

    private static HttpRequest get(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20))
                .build();
    }

    private static HttpRequest post(int port, String path, String form) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
