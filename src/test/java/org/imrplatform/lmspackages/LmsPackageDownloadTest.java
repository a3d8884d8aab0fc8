package org.imrplatform.lmspackages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import jakarta.servlet.http.Cookie;

import org.imrplatform.course.CompletionRule;
import org.imrplatform.course.Course;
import org.imrplatform.course.CourseCatalog;
import org.imrplatform.course.CourseVersion;
import org.imrplatform.course.packaging.CoursePackage;
import org.imrplatform.support.Learners;
import org.imrplatform.support.PackageFiles;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An administrator downloads a course version as a SCORM 1.2 and as a cmi5 package: each zip has the launch page,
 * a page per slide, the course's files and a manifest valid against the standard's official schema. Nobody else
 * can download one, and addresses that name no version are "not found", never a server error.
 */
@PlatformTest
class LmsPackageDownloadTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CourseCatalog catalog;

    private Cookie admin;
    private String courseId;

    @BeforeEach
    void setUp() throws Exception {
        admin = Learners.administrator(mvc);
        courseId = ExportedPackage.publishCourse(catalog);
    }

    private MockHttpServletResponse download(String path, Cookie who) throws Exception {
        var request = get(path);
        if (who != null) {
            request.cookie(who);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private ExportedPackage exported(String standard) throws Exception {
        MockHttpServletResponse response =
                download("/admin/courses/" + courseId + "/versions/1/" + standard + ".zip", admin);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/zip");
        assertThat(response.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"" + courseId + "-v1-" + standard + ".zip\"");
        return ExportedPackage.of(response.getContentAsByteArray());
    }

    /**
     * Validates against ADL's schemas, the package's own copies as an LMS reads them, except ADL's ims_xml.xsd,
     * which binds the reserved xml namespace as its default one: the JDK refuses that, so a copy without that
     * binding stands in for it.
     */
    private void validateScormManifest(String manifest) throws Exception {
        var schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        schemas.setResourceResolver(new XmlNamespaceSchema());
        URL root = getClass().getResource("/lmspackages/scorm12-schemas/imscp_rootv1p1p2.xsd");
        URL adl = getClass().getResource("/lmspackages/scorm12-schemas/adlcp_rootv1p2.xsd");
        schemas.newSchema(new StreamSource[] {new StreamSource(root.toString()), new StreamSource(adl.toString())})
                .newValidator().validate(new StreamSource(new StringReader(manifest)));
    }

    /** Validates against cmi5's CourseStructure.xsd (src/test/resources/lmspackages/SOURCE.md). */
    private void validateCourseStructure(String structure) throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/lmspackages/CourseStructure.xsd")).newValidator()
                .validate(new StreamSource(new StringReader(structure)));
    }

    @Test
    void theCourseShippedWithThePlatformExportsWhole() throws Exception {
        int live = catalog.versions("imr-intro").stream().filter(CourseVersion::current).findFirst().orElseThrow()
                .number();
        Course course = catalog.require("imr-intro");
        for (String standard : List.of("scorm12", "cmi5")) {
            MockHttpServletResponse response =
                    download("/admin/courses/imr-intro/versions/" + live + "/" + standard + ".zip", admin);
            assertThat(response.getStatus()).isEqualTo(200);
            ExportedPackage pack = ExportedPackage.of(response.getContentAsByteArray());
            if (standard.equals("scorm12")) {
                validateScormManifest(pack.text("imsmanifest.xml"));
            } else {
                validateCourseStructure(pack.text("cmi5.xml"));
            }
            assertThat(pack.files().keySet().stream().filter(file -> !file.contains("/") && file.endsWith(".html")))
                    .hasSize(course.slideCount() + 1);
            for (String asset : course.assets()) {
                assertThat(pack.files()).containsKey("assets/" + asset);
            }
            for (var file : pack.files().keySet()) {
                if (file.endsWith(".html")) {
                    assertThat(pack.text(file)).as(file).doesNotContain("/courses/imr-intro/")
                            .doesNotContain("style=");
                }
            }
        }
    }

    @Test
    void theCourseAdministrationPageLinksEachVersionsPackages() throws Exception {
        String page = mvc.perform(get("/admin/courses").cookie(admin)).andReturn().getResponse()
                .getContentAsString();
        String row = page.substring(page.indexOf("<code>" + courseId + "</code>"));
        assertThat(row.replaceAll("\\s+", " "))
                .contains("<a href=\"/admin/courses/" + courseId + "/versions/1/scorm12.zip\" download>"
                        + "SCORM 1.2 package of version 1</a>")
                .contains("<a href=\"/admin/courses/" + courseId + "/versions/1/cmi5.zip\" download>"
                        + "cmi5 package of version 1</a>");
    }

    @Test
    void aScorm12PackageHasTheCoursesPagesAndAManifestValidAgainstTheAdlSchemas() throws Exception {
        ExportedPackage pack = exported("scorm12");
        assertThat(pack.files()).containsKeys("index.html", "imsmanifest.xml", "basics.objectives.html",
                "basics.check.html", "basics.reflect.html", "second.only.html", "imr/app.css", "imr/tracker.js",
                "imr/page.js", "imr/scorm12.js", "imr/course.js", "assets/images/wheel.svg", "assets/media/story.mp4",
                "assets/media/story.vtt", "imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd",
                "ims_xml.xsd");
        assertThat(pack.files()).doesNotContainKeys("imr/cmi5.js", "cmi5.xml", "course.yaml", "basics/check.yaml");
        String manifest = pack.text("imsmanifest.xml");
        validateScormManifest(manifest);
        assertThat(manifest).contains("<schemaversion>1.2</schemaversion>")
                .contains("adlcp:scormtype=\"sco\" href=\"index.html\"")
                .contains("<title>Test course for every slide kind</title>")
                .contains("<file href=\"assets/media/story.mp4\"/>")
                .contains("<file href=\"basics.check.html\"/>");
        // Every file of the package is listed, so an LMS that copies only what the manifest names has them all.
        for (String file : pack.files().keySet()) {
            if (!file.equals("imsmanifest.xml")) {
                assertThat(manifest).as(file).contains("<file href=\"" + file + "\"/>");
            }
        }
        assertThat(pack.text("imr/course.js"))
                .contains("\"pages\":[\"basics.objectives.html\",\"basics.welcome.html\"")
                .contains("\"checks\":{\"basics.check.html\":{").contains("\"passPercent\":50")
                .contains("\"viewAllSlides\":true,\"passKnowledgeChecks\":true");
    }

    @Test
    void slidePagesAreStaticPagesWithThePackagesOwnAddresses() throws Exception {
        ExportedPackage pack = exported("scorm12");
        for (String file : pack.files().keySet()) {
            if (file.endsWith(".html")) {
                String page = pack.text(file);
                assertThat(page).as(file).startsWith("<!DOCTYPE html>").contains("<html lang=\"en\">")
                        .doesNotContain("/courses/").doesNotContain("style=").doesNotContain("<script>")
                        .doesNotContain("href=\"/").doesNotContain("src=\"/");
                Matcher scripts = Pattern.compile("<script[^>]*>").matcher(page);
                while (scripts.find()) {
                    assertThat(scripts.group()).as(file).matches("<script src=\"imr/[a-z0-9]+\\.js\" defer>");
                }
            }
        }
        assertThat(pack.text("basics.story.html")).contains("src=\"assets/media/story.mp4\"")
                .contains("src=\"assets/media/story.vtt\"").contains("Unique-video-transcript");
        assertThat(pack.text("basics.welcome.html")).contains("src=\"assets/images/wheel.svg\"");
        assertThat(pack.text("second.only.html")).contains("href=\"basics.welcome.html\"")
                .contains("This is the last slide of the course.").doesNotContain("rel=\"next\"");
        assertThat(pack.text("basics.objectives.html")).contains("Slide 1 of 9")
                .contains("Module 1: Basics of the test course").contains("Name the eight slide kinds")
                .contains("href=\"basics.welcome.html\"").doesNotContain("rel=\"prev\"");
        assertThat(pack.text("basics.goodbye.html")).contains("href=\"second.only.html\"")
                .contains("Next module");
        String check = pack.text("basics.check.html");
        assertThat(check).contains("<form class=\"check\" novalidate data-check data-pass-percent=\"50\">")
                .contains("Recovery is usually...").contains("Progress has ups and downs.")
                .doesNotContain("method=\"post\"").doesNotContain("action=");
        assertThat(pack.text("index.html")).contains("<iframe id=\"package-frame\"")
                .contains("src=\"basics.objectives.html\"").contains("title=\"Slides of Test course for every slide kind\"")
                .contains("<script src=\"imr/scorm12.js\" defer>");
    }

    @Test
    void narrationComesWithItsTranscriptInTheCoursesOwnLanguage() throws Exception {
        String id = "pkg-" + UUID.randomUUID().toString().substring(0, 8);
        catalog.publish(CoursePackage.fromZip(PackageFiles.translated()
                .edit("course.yaml", "id: bilingual-course", "id: " + id)
                .edit("translations/es/course.yaml", "id: bilingual-course", "id: " + id).zip()),
                CourseVersion.Origin.UPLOAD, "test");
        MockHttpServletResponse response = download("/admin/courses/" + id + "/versions/1/scorm12.zip", admin);
        ExportedPackage pack = ExportedPackage.of(response.getContentAsByteArray());
        assertThat(pack.files()).containsKey("assets/media/welcome.en.ogg").doesNotContainKey("assets/media/unused.ogg");
        assertThat(pack.text("basics.welcome.html")).contains("<html lang=\"en\">")
                .contains("<source src=\"assets/media/welcome.en.ogg\" type=\"audio/ogg\">")
                .contains("<figcaption id=\"narration-title\">Narration of the welcome</figcaption>")
                .contains("The English narration of the welcome.").contains("href=\"basics.elements.html\"")
                .doesNotContain("unique-spanish");
    }

    @Test
    void aCmi5PackageHasOneAuForTheCourseValidAgainstTheCourseStructureSchema() throws Exception {
        ExportedPackage pack = exported("cmi5");
        assertThat(pack.files()).containsKeys("index.html", "cmi5.xml", "imr/cmi5.js", "basics.check.html",
                "assets/images/wheel.svg");
        assertThat(pack.files()).doesNotContainKeys("imsmanifest.xml", "imr/scorm12.js", "adlcp_rootv1p2.xsd");
        String structure = pack.text("cmi5.xml");
        validateCourseStructure(structure);
        assertThat(structure)
                .containsPattern("<course id=\"https?://[^\"]+/courses/" + courseId + "\">")
                .containsPattern("<au id=\"https?://[^\"]+/courses/" + courseId + "/cmi5/au\" "
                        + "moveOn=\"CompletedAndPassed\" launchMethod=\"AnyWindow\">")
                .contains("<langstring lang=\"en\">Test course for every slide kind</langstring>")
                .contains("<langstring lang=\"en\">A small course used by the tests. It has one slide of each kind.")
                .contains("<url>index.html</url>");
        assertThat(structure.split("<au ", -1)).hasSize(2);
        // The rule is each check at its own mark: no single masteryScore could say it (cmi5 9.3.5).
        assertThat(structure).doesNotContain("masteryScore");
    }

    @Test
    void aCourseThatOnlyAsksToViewEverySlideMovesOnWhenCompletedWithoutMasteryScore() throws Exception {
        // The test course has a knowledge check; the rule decides: a rule without passing asks completion only.
        Course course = catalog.storedVersion(courseId, 1).orElseThrow().course();
        PackagedCourse packaged = PackagedCourse.of(new Course(course.id(), course.title(), "en", null,
                course.description(), 1, new CompletionRule(true, false), null, course.modules(), course.assets(),
                Map.of()));
        String structure = Cmi5CourseStructure.of(packaged, "https://lms.example.org");
        validateCourseStructure(structure);
        assertThat(structure).contains("moveOn=\"Completed\"").doesNotContain("masteryScore");
    }

    @Test
    void noPackageHoldsALearnersDataOrAnAnswerKeyFile() throws Exception {
        String email = Learners.email("package-learner");
        Cookie learner = Learners.register(mvc, email, "Unique Package Learner");
        String module = "/courses/" + courseId + "/modules/";
        for (String slide : List.of("basics/slides/welcome", "basics/slides/reflect", "basics/slides/check")) {
            mvc.perform(get(module + slide).cookie(learner)).andReturn();
        }
        mvc.perform(post(module + "basics/slides/check/answers").with(csrf()).cookie(learner)
                .param("q-nonlinear", "0").param("q-elements", "2")).andReturn();
        for (String standard : List.of("scorm12", "cmi5")) {
            ExportedPackage pack = exported(standard);
            String all = pack.allText();
            assertThat(all).as(standard).doesNotContain(email).doesNotContain("Unique Package Learner")
                    .doesNotContain("knowledge-test");
            assertThat(pack.text("basics.check.html")).as(standard).doesNotContain("checked");
            // The reflection keeps its prompt and an empty box with no name, in no form: nothing can send it.
            String reflection = pack.text("basics.reflect.html");
            assertThat(reflection).contains("<textarea id=\"reflection-answer\" data-private-answer rows=\"5\" "
                    + "autocomplete=\"off\"\n            aria-describedby=\"reflection-privacy\"></textarea>")
                    .doesNotContain("<form");
            assertThat(pack.text("imr/tracker.js") + pack.text("imr/page.js") + pack.text("imr/" + standard + ".js"))
                    .as("no script reads a reflection box").doesNotContain("reflection-answer")
                    .doesNotContain("textarea").doesNotContain("[data-private-answer]').value");
        }
    }

    @Test
    void theSameVersionDownloadedInParallelIsTheSameZip() throws Exception {
        String path = "/admin/courses/" + courseId + "/versions/1/cmi5.zip";
        List<byte[]> zips;
        try (var threads = Executors.newFixedThreadPool(4)) {
            List<Future<byte[]>> downloads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                downloads.add(threads.submit(() -> download(path, admin).getContentAsByteArray()));
            }
            zips = new ArrayList<>();
            for (var download : downloads) {
                zips.add(download.get());
            }
        }
        assertThat(ExportedPackage.of(zips.getFirst()).files()).containsKey("cmi5.xml");
        for (byte[] zip : zips) {
            assertThat(zip).isEqualTo(zips.getFirst());
        }
    }

    @Test
    void onlyAdministratorsDownloadPackages() throws Exception {
        String path = "/admin/courses/" + courseId + "/versions/1/scorm12.zip";
        assertThat(download(path, null).getStatus()).isEqualTo(302);
        Cookie learner = Learners.register(mvc, Learners.email("package-intruder"));
        for (String standard : List.of("scorm12", "cmi5")) {
            MockHttpServletResponse refused =
                    download("/admin/courses/" + courseId + "/versions/1/" + standard + ".zip", learner);
            assertThat(refused.getStatus()).as(standard).isEqualTo(403);
            assertThat(refused.getContentType()).as(standard).isNotEqualTo("application/zip");
        }
    }

    @Test
    void addressesNamingNoVersionAreNotFound() throws Exception {
        for (String standard : List.of("scorm12", "cmi5")) {
            for (String where : List.of("no-such-course/versions/1", courseId + "/versions/2",
                    courseId + "/versions/0", courseId + "/versions/-1", courseId + "/versions/99999999999999",
                    courseId + "/versions/1e3", courseId + "/versions/%2e%2e", courseId.toUpperCase() + "/versions/1",
                    "..%2F..%2Fetc/versions/1", "%00/versions/1", "x".repeat(500) + "/versions/1",
                    "a'or'1'='1/versions/1")) {
                MockHttpServletResponse response =
                        download("/admin/courses/" + where + "/" + standard + ".zip", admin);
                assertThat(response.getStatus()).as(where).isIn(400, 404);
                assertThat(response.getContentType()).as(where).isNotEqualTo("application/zip");
            }
        }
    }
}
