import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A signed-in load that remembers which request each answer belongs to (wrk cannot): every learner (a session cookie)
 * opens the course's slides one after another, in order and round again, each request saving their progress, until
 * the time is up. Every 200 answer is an acknowledged save, written as "epoch-ms email slide-path upstream" to ACKS
 * (upstream: the X-Upstream header, where nginx names the node or nodes it tried, without spaces); every
 * other answer or failed request as "epoch-ms what slide-path [message]" to FAILURES. Prints "load started" when the first requests go
 * out, and a summary at the end. Run by bench/two-nodes.sh with a JDK 21 or newer:
 *
 *   java bench/TwoNodeLoad.java BASE-URL COOKIES EMAILS SLIDES SECONDS ACKS FAILURES
 *
 * COOKIES holds one "SESSION=..." line per learner, EMAILS their addresses in the same order, SLIDES one slide path a
 * line (as bench/lib.sh sign_up_learners and course_slides write them).
 */
public class TwoNodeLoad {

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: java bench/TwoNodeLoad.java BASE-URL COOKIES EMAILS SLIDES SECONDS ACKS FAILURES");
            System.exit(2);
        }
        String base = args[0];
        List<String> cookies = Files.readAllLines(Path.of(args[1]));
        List<String> emails = Files.readAllLines(Path.of(args[2]));
        List<String> slides = Files.readAllLines(Path.of(args[3]));
        long end = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[4])).toNanos();
        if (cookies.size() != emails.size() || slides.isEmpty()) {
            throw new IllegalArgumentException("one address per cookie and at least one slide, please");
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong requests = new AtomicLong();

        System.out.println("load started " + System.currentTimeMillis());
        System.out.flush();
        try (var learners = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < cookies.size(); i++) {
                String cookie = cookies.get(i);
                String email = emails.get(i);
                learners.submit(() -> {
                    for (int slide = 0; System.nanoTime() < end; slide = (slide + 1) % slides.size()) {
                        String path = slides.get(slide);
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                                .timeout(Duration.ofSeconds(10)).build();
                        requests.incrementAndGet();
                        try {
                            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                            int status = response.statusCode();
                            if (status == 200) {
                                String upstream = response.headers().firstValue("X-Upstream").orElse("-")
                                        .replace(" ", "");
                                acknowledged.add(System.currentTimeMillis() + " " + email + " " + path + " " + upstream);
                            } else {
                                failures.add(System.currentTimeMillis() + " status-" + status + " " + path);
                            }
                        } catch (IOException e) {
                            failures.add(System.currentTimeMillis() + " error-" + e.getClass().getSimpleName() + " "
                                    + path + " " + e.getMessage());
                        }
                    }
                    return null;
                });
            }
        }
        Files.write(Path.of(args[5]), acknowledged);
        Files.write(Path.of(args[6]), failures);
        long errors = failures.stream().filter(line -> line.contains(" error-")).count();
        System.out.printf("requests %d, acknowledged %d, other answers %d, errors %d%n", requests.get(),
                acknowledged.size(), failures.size() - errors, errors);
    }
}
