package org.imrplatform.lmspackages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;
import org.imrplatform.course.Course;
import org.imrplatform.course.CourseCatalog;
import org.imrplatform.course.CourseModule;
import org.imrplatform.course.CourseVersion;
import org.imrplatform.course.Slide;
import org.imrplatform.support.BrowserTest;
import org.imrplatform.support.StaticFolder;
import org.imrplatform.support.TestCmi5Lms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Exported packages played in a real browser by an LMS: SCORM 1.2 inside a page where scorm-again (installed by
 * bin/test from src/test/lms) is the LMS's API object, and cmi5 launched by {@link TestCmi5Lms}. A learner pages
 * through, writes a reflection, fails then passes the knowledge check, leaves and comes back; the LMS records what
 * the course's rule says and never the reflection. The pages also pass axe, work on a phone, without script, and
 * under a strict Content Security Policy.
 */
class LmsPackageBrowserTest extends BrowserTest {

    private static final Path SCORM_AGAIN = Path.of("src/test/lms/node_modules/scorm-again/dist/scorm12.js");
    private static final List<String> PAGES = List.of("basics.objectives.html", "basics.welcome.html",
            "basics.elements.html", "basics.reflect.html", "basics.story.html", "basics.check.html",
            "basics.reading.html", "basics.goodbye.html", "second.only.html");
    private static final String REFLECTION = "Unique-private-reflection " + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    CourseCatalog catalog;

    @Autowired
    LmsPackages packages;

    /** Where the package is unpacked and the test LMS's files lie; removed after each test. */
    @TempDir
    Path work;

    private final List<String> policyViolations = new ArrayList<>();
    private HttpServer scormLms;

    @BeforeEach
    void watchForPolicyViolations() {
        context.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(message.text());
            }
        });
    }

    @AfterEach
    void stopLms() {
        if (scormLms != null) {
            scormLms.stop(0);
        }
    }

    private Path unpacked(LmsStandard standard) throws IOException {
        String courseId = ExportedPackage.publishCourse(catalog);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        packages.build(courseId, 1, standard).orElseThrow().writeTo(zip);
        return ExportedPackage.of(zip.toByteArray()).unpackInto(work.resolve("package"));
    }

    /** The SCORM 1.2 test LMS: its host page and scorm-again under /lms/, the unpacked package under /package/. */
    private String startScormLms(Path pack) throws IOException {
        if (!Files.isRegularFile(SCORM_AGAIN)) {
            throw new AssertionError("scorm-again is not installed: run bin/test, or npm ci in src/test/lms");
        }
        Path lms = Files.createDirectories(work.resolve("lms"));
        for (String file : List.of("host.html", "host.js")) {
            Files.copy(Path.of("src/test/resources/lmspackages/scorm12-lms", file), lms.resolve(file));
        }
        Files.copy(SCORM_AGAIN, lms.resolve("scorm-again.js"));
        scormLms = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        scormLms.createContext("/lms/", new StaticFolder(lms));
        scormLms.createContext("/package/", new StaticFolder(pack));
        scormLms.start();
        return "http://127.0.0.1:" + scormLms.getAddress().getPort();
    }

    /**
     * Pages from slide {@code from} (0-based) to the end, or to {@code to}, as a learner: writes a reflection, fails
     * the check once and then passes it. The slides are in the frame the launch page holds.
     */
    private void pageThrough(FrameLocator slides, int from, int to) {
        pageThrough(slides, from, to, true);
    }

    /** As {@link #pageThrough(FrameLocator, int, int)}; without {@code pass} the check is only failed. */
    private void pageThrough(FrameLocator slides, int from, int to, boolean pass) {
        for (int i = from; i <= to; i++) {
            String file = PAGES.get(i);
            assertThat(slides.locator("body[data-page='" + file + "']")).isAttached();
            if (file.equals("basics.reflect.html")) {
                slides.getByLabel("Your answer").fill(REFLECTION);
            }
            if (file.equals("basics.check.html")) {
                slides.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Check my answers"))
                        .click();
                assertThat(slides.locator("#check-result")).containsText("Question 1: choose an answer.");
                slides.locator("#q-nonlinear-0").check();
                slides.locator("#q-elements-2").check();
                slides.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Check my answers"))
                        .click();
                assertThat(slides.locator("#check-result")).containsText("You answered 0 of 2 correctly (0%).");
                assertThat(slides.locator("#check-result")).containsText("50% is needed to pass.");
                assertThat(slides.locator("#check-result")).isFocused();
                if (!pass) {
                    continue;
                }
                slides.locator("#q-nonlinear-1").check();
                slides.locator("#q-elements-2").uncheck();
                slides.locator("#q-elements-0").check();
                slides.locator("#q-elements-1").check();
                slides.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Check my answers"))
                        .click();
                assertThat(slides.locator("#check-result")).containsText("You answered 2 of 2 correctly (100%).");
                assertThat(slides.locator("#q-elements .feedback:not([hidden])")).hasCount(2);
            }
            if (i < to) {
                slides.locator("a[rel=next]").click();
            }
        }
    }

    @Test
    void scorm12LearnerPassesResumesAndTheLmsRecordsPassedWithTheScore() throws Exception {
        String lms = startScormLms(unpacked(LmsStandard.SCORM_12));

        page.navigate(lms + "/lms/host.html");
        FrameLocator launch = page.frameLocator("#sco");
        FrameLocator slides = launch.frameLocator("#package-frame");
        assertThat(launch.locator("#package-status")).hasText("Your learning system records your progress.");
        pageThrough(slides, 0, 6);
        launch.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Save and exit")).click();
        page.waitForCondition(() -> lmsCalls().contains("LMSFinish"));
        Map<String, Object> first = recorded();
        assertThat(first).containsEntry("lesson_status", "incomplete").containsEntry("lesson_location",
                "basics.reading.html").containsEntry("raw", "100").containsEntry("min", "0").containsEntry("max", "100");
        assertThat(first.get("suspend_data")).isEqualTo("s=f70;c=5:2");
        assertThat(lmsCalls()).startsWith("LMSInitialize").containsOnlyOnce("LMSFinish");

        // The LMS keeps the run-time data and launches again: the learner is back where they left off.
        String saved = JSON.writeValueAsString(Map.of("suspend_data", first.get("suspend_data"),
                "core", Map.of("lesson_location", first.get("lesson_location"), "lesson_status", "incomplete")));
        page.navigate(lms + "/lms/host.html?cmi=" + URLEncoder.encode(saved, StandardCharsets.UTF_8));
        assertThat(launch.locator("#package-status")).hasText("Your learning system records your progress.");
        pageThrough(slides, 6, PAGES.size() - 1);
        assertThat(launch.locator("#package-status"))
                .hasText("You have completed this course. Your learning system has recorded it.");
        launch.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Save and exit")).click();
        page.waitForCondition(() -> lmsCalls().contains("LMSFinish"));
        Map<String, Object> second = recorded();
        assertThat(second).containsEntry("lesson_status", "passed").containsEntry("raw", "100")
                .containsEntry("lesson_location", "second.only.html").containsEntry("suspend_data", "s=ff1;c=5:2");
        assertThat(JSON.writeValueAsString(first) + JSON.writeValueAsString(second)).doesNotContain(REFLECTION);
        assertThat(policyViolations).isEmpty();
    }

    /** SCORM 1.2 "failed": said when the learner leaves with every check tried and one below its mark. */
    @Test
    void scorm12LearnerWhoLeavesWithTheCheckFailedIsReportedFailed() throws Exception {
        String lms = startScormLms(unpacked(LmsStandard.SCORM_12));
        page.navigate(lms + "/lms/host.html");
        FrameLocator launch = page.frameLocator("#sco");
        FrameLocator slides = launch.frameLocator("#package-frame");
        pageThrough(slides, 0, PAGES.indexOf("basics.check.html"), false);
        assertThat(launch.locator("#package-status"))
                .hasText("Some knowledge checks are not passed yet. You can try them again.");
        assertThat(recorded()).containsEntry("lesson_status", "incomplete");
        launch.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Save and exit")).click();
        page.waitForCondition(() -> lmsCalls().contains("LMSFinish"));
        assertThat(recorded()).containsEntry("lesson_status", "failed").containsEntry("raw", "0");
    }

    @SuppressWarnings("unchecked")
    private List<String> lmsCalls() {
        return (List<String>) page.evaluate("() => window.lmsCalls || []");
    }

    /** What scorm-again holds for the learner (read from its data model, since LMSFinish ends the API's calls). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> recorded() {
        return (Map<String, Object>) page.evaluate("""
                () => ({ lesson_status: API.cmi.core.lesson_status, lesson_location: API.cmi.core.lesson_location,
                         suspend_data: API.cmi.suspend_data, raw: API.cmi.core.score.raw,
                         min: API.cmi.core.score.min, max: API.cmi.core.score.max })""");
    }

    /**
     * cmi5's verb rules (9.3): at most one of passed/failed a session, never failed after passed, each of passed and
     * completed once a registration, pass or fail judged by the LaunchData's masteryScore. The learner fails the
     * check and leaves; the next session fails then passes it (only passed is sent) and the tab is closed (the last
     * statements still arrive); a third session sends nothing but initialized and terminated.
     */
    @Test
    void cmi5LearnerFailsThenPassesAndTheLmsReceivesTheCmi5StatementsInOrder() throws Exception {
        Path pack = unpacked(LmsStandard.CMI5);
        try (TestCmi5Lms lms = TestCmi5Lms.serving(pack)) {
            String registration = UUID.randomUUID().toString();
            String activityId = "https://lms.example.org/activities/" + UUID.randomUUID();
            Map<String, Object> actor = TestCmi5Lms.actor("learner-" + UUID.randomUUID());

            String launchUrl = lms.launch("index.html", activityId, actor, registration, 0.5);
            page.navigate(launchUrl);
            FrameLocator slides = page.frameLocator("#package-frame");
            assertThat(page.locator("#package-status")).hasText("Your learning system records your progress.");
            int check = PAGES.indexOf("basics.check.html");
            pageThrough(slides, 0, check, false);
            assertThat(page.locator("#package-status"))
                    .hasText("Some knowledge checks are not passed yet. You can try them again.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and exit")).click();
            page.waitForCondition(() -> verbs(lms).contains("terminated"));
            assertThat(verbs(lms)).containsExactly("initialized", "failed", "terminated");
            JsonNode failed = lms.statements().get(1);
            assertThat(lms.posts()).as("the last statements leave in one POST, not a chain a closing tab cuts short")
                    .endsWith(List.of(failed.at("/id").asText(), lms.statements().get(2).at("/id").asText()));
            assertThat(failed.at("/result/success").asBoolean()).isFalse();
            assertThat(failed.at("/result/score/scaled").asDouble()).isEqualTo(0.0);
            assertThat(failed.at("/context/extensions").toString())
                    .contains("\"https://w3id.org/xapi/cmi5/context/extensions/masteryscore\":0.5");

            // The same launch address opened again (its fetch URL is spent): the LMS refuses, nothing is sent.
            page.navigate(launchUrl);
            assertThat(page.locator("#package-status")).containsText("No learning system is recording this visit");
            assertThat(page.frameLocator("#package-frame").locator("h1")).hasText("What this module covers");
            assertThat(lms.refusals()).hasSize(1).allMatch(refusal -> refusal.startsWith("fetch POST"));
            assertThat(verbs(lms)).hasSize(3);

            // The next session resumes at the check, fails and then passes it, and the tab is closed.
            page.navigate(lms.launch("index.html", activityId, actor, registration, 0.5));
            assertThat(slides.locator("body[data-page='basics.check.html']")).isAttached();
            pageThrough(slides, check, PAGES.size() - 1);
            assertThat(page.locator("#package-status"))
                    .hasText("You have completed this course. Your learning system has recorded it.");
            page.close(new Page.CloseOptions().setRunBeforeUnload(true));
            page = context.newPage();
            slides = page.frameLocator("#package-frame");
            page.waitForCondition(() -> verbs(lms).size() >= 7);
            assertThat(verbs(lms)).containsExactly("initialized", "failed", "terminated",
                    "initialized", "passed", "completed", "terminated");
            for (JsonNode statement : lms.statements()) {
                String verb = verbOf(statement);
                assertThat(statement.at("/context/registration").asText()).as(verb).isEqualTo(registration);
                assertThat(statement.at("/object/id").asText()).as(verb).isEqualTo(activityId);
                assertThat(JSON.convertValue(statement.get("actor"), Map.class)).as(verb).isEqualTo(actor);
                assertThat(statement.at("/id").asText()).as(verb).matches("[0-9a-f-]{36}");
                assertThat(statement.at("/timestamp").asText()).as(verb).isNotEmpty();
                List<String> categories = statement.at("/context/contextActivities/category").findValuesAsText("id");
                assertThat(categories).as(verb).contains("https://w3id.org/xapi/cmi5/context/categories/cmi5");
                assertThat(categories.contains("https://w3id.org/xapi/cmi5/context/categories/moveon")).as(verb)
                        .isEqualTo(List.of("failed", "passed", "completed").contains(verb));
                // The LMS's contextTemplate is kept: its publisher grouping and the session id.
                assertThat(statement.at("/context/contextActivities/grouping/0/id").asText()).as(verb)
                        .isEqualTo(TestCmi5Lms.PUBLISHER_ID);
                assertThat(statement.at("/context/extensions").toString()).as(verb)
                        .contains("https://w3id.org/xapi/cmi5/context/extensions/sessionid");
                assertThat(statement.at("/verb/id").asText()).isEqualTo("http://adlnet.gov/expapi/verbs/" + verb);
            }
            JsonNode passed = lms.statements().get(4);
            assertThat(passed.at("/result/success").asBoolean()).isTrue();
            assertThat(passed.at("/result/score/scaled").asDouble()).isEqualTo(1.0);
            assertThat(passed.at("/result/duration").asText()).matches("PT[0-9.]+S");
            assertThat(passed.at("/context/extensions").toString())
                    .contains("\"https://w3id.org/xapi/cmi5/context/extensions/masteryscore\":0.5");
            assertThat(lms.statements().get(5).at("/result/completion").asBoolean()).isTrue();
            assertThat(lms.statements().get(6).at("/result/duration").asText()).matches("PT[0-9.]+S");

            // A third launch of the same registration resumes at the last slide and moves on nothing twice.
            page.navigate(lms.launch("index.html", activityId, actor, registration, 0.5));
            assertThat(page.locator("#package-status"))
                    .hasText("You have completed this course. Your learning system has recorded it.");
            assertThat(slides.locator("body[data-page='second.only.html']")).isAttached();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and exit")).click();
            page.waitForCondition(() -> verbs(lms).size() == 9);
            assertThat(verbs(lms)).endsWith("initialized", "terminated");

            String state = lms.state("https://imrplatform.org/xapi/cmi5/state/resume", activityId, actor,
                    registration);
            assertThat(state).contains("\"location\":\"second.only.html\"").contains("s=ff1;c=5:2");
            assertThat(lms.statements().toString() + state).doesNotContain(REFLECTION);
            assertThat(lms.refusals()).hasSize(1);
            assertThat(policyViolations).isEmpty();
        }
    }

    private static List<String> verbs(TestCmi5Lms lms) {
        return lms.statements().stream().map(LmsPackageBrowserTest::verbOf).toList();
    }

    private static String verbOf(JsonNode statement) {
        String id = statement.at("/verb/id").asText();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    /** The course shipped with the platform, its real content: the first page of every slide kind passes axe. */
    @Test
    void theShippedCoursesPagesPassAxe() throws Exception {
        Course course = catalog.require("imr-intro");
        int live = catalog.versions("imr-intro").stream().filter(CourseVersion::current).findFirst().orElseThrow()
                .number();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        packages.build("imr-intro", live, LmsStandard.SCORM_12).orElseThrow().writeTo(zip);
        String lms = startScormLms(ExportedPackage.of(zip.toByteArray()).unpackInto(work.resolve("package")));
        Map<String, String> firstOfKind = new LinkedHashMap<>();
        for (CourseModule module : course.modules()) {
            for (Slide slide : module.slides()) {
                firstOfKind.putIfAbsent(slide.kind(), PackagedCourse.fileOf(module.id(), slide.id()));
            }
        }
        assertThat(firstOfKind).hasSizeGreaterThanOrEqualTo(7);
        for (String file : firstOfKind.values()) {
            page.navigate(lms + "/package/" + file);
            assertAccessible(page);
        }
        assertThat(policyViolations).isEmpty();
    }

    @Test
    void packagePagesPassAxeWorkOnAPhoneAndWithoutScript() throws Exception {
        String lms = startScormLms(unpacked(LmsStandard.SCORM_12));
        context.close();
        context = newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setIsMobile(true)
                .setHasTouch(true));
        page = context.newPage();
        for (String file : List.of("basics.objectives.html", "basics.elements.html", "basics.reflect.html",
                "basics.story.html", "basics.check.html", "basics.reading.html", "second.only.html")) {
            page.navigate(lms + "/package/" + file);
            assertAccessible(page);
            assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                    .as(file + " fits a phone's width").isTrue();
        }
        // Opened outside an LMS, the launch page says nothing is recorded and still shows the course.
        page.navigate(lms + "/package/index.html");
        assertThat(page.locator("#package-status")).containsText("No learning system is recording this visit");
        assertAccessible(page);

        context.close();
        context = newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
        page = context.newPage();
        page.navigate(lms + "/package/index.html");
        FrameLocator slides = page.frameLocator("#package-frame");
        assertThat(page.locator("#package-status")).containsText("only with JavaScript on");
        assertThat(slides.locator("h1")).hasText("What this module covers");
        slides.locator("a[rel=next]").click();
        assertThat(slides.locator("body[data-page='basics.welcome.html']")).isAttached();
        page.navigate(lms + "/package/basics.check.html");
        assertThat(page.getByText("Checking your answers needs JavaScript.")).isVisible();
        assertThat(page.getByText("Recovery is usually...")).isVisible();
    }
}
