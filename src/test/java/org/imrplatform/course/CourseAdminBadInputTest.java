package org.imrplatform.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.BadInput;
import org.imrplatform.support.Learners;
import org.imrplatform.support.PackageFiles;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Course administration sent what no administrator means: files that are no course package, packages whose text
 * cannot be stored, versions that do not exist. Each is explained or refused, never a server error, and the
 * version learners see stays as it was.
 */
@PlatformTest
class CourseAdminBadInputTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CourseCatalog catalog;

    private Cookie admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = Learners.administrator(mvc);
    }

    /** The page an upload leads to: every upload answers with a redirect to the course list, which is followed. */
    private MockHttpServletResponse upload(MockMultipartFile file, String sent) {
        MockHttpServletResponse posted = BadInput.send(mvc,
                multipart("/admin/courses/upload").file(file).with(csrf()).cookie(admin), sent);
        assertThat(posted.getRedirectedUrl()).as(sent).isEqualTo("/admin/courses");
        return BadInput.send(mvc, get("/admin/courses").cookie(admin), sent + ", then the page it leads to");
    }

    @Test
    void filesThatAreNoCoursePackageAreExplained() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("an empty file", new byte[0]);
        files.put("three bytes", new byte[] {'P', 'K', 3});
        files.put("a text file", "hello, this is not a zip".getBytes(StandardCharsets.UTF_8));
        files.put("a cut-short zip", Arrays.copyOf(PackageFiles.valid().zip(), 200));
        files.put("a NUL", new byte[] {0});
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            for (String name : List.of("course.zip", "../../etc/passwd", "a\u0000b.zip", "x".repeat(10_000))) {
                String sent = file.getKey() + " named " + BadInput.printable(name);
                MockHttpServletResponse response = upload(
                        new MockMultipartFile("package", name, "application/zip", file.getValue()), sent);
                assertThat(response.getStatus()).as(sent).isEqualTo(200);
                assertThat(BadInput.body(response)).as(sent).contains("The package was not published");
            }
        }
        MockHttpServletResponse elsewhere = upload(new MockMultipartFile("other", "course.zip", "application/zip",
                PackageFiles.valid().zip()), "a file in another field");
        assertThat(BadInput.body(elsewhere)).contains("no file was chosen");
        MockHttpServletResponse plain = BadInput.send(mvc, post("/admin/courses/upload").with(csrf()).cookie(admin)
                .param("package", "\u0000"), "a text field instead of a file");
        assertThat(plain.getStatus()).isLessThan(500);
    }

    /** The test course under its own id, so nothing here touches the courses other tests use. */
    private static PackageFiles course(String id) {
        return PackageFiles.valid().edit("course.yaml", "id: test-course", "id: " + id);
    }

    /** Text a package holds (through YAML escapes) that no database column should get. */
    @Test
    void packagesWithTextThatCannotBeStoredAreExplained() {
        Map<String, PackageFiles> packages = new LinkedHashMap<>();
        String id = "bad-text-" + UUID.randomUUID().toString().substring(0, 8);
        packages.put("a NUL in the title", course(id).edit("course.yaml", "title: Test course for every slide kind",
                "title: \"Test\\0course\""));
        packages.put("a control character in the title", course(id).edit("course.yaml",
                "title: Test course for every slide kind", "title: \"Test\\x01course\""));
        packages.put("a title of 10,000 characters", course(id).edit("course.yaml",
                "title: Test course for every slide kind", "title: " + "x".repeat(10_000)));
        packages.put("a NUL in a slide title", course(id).edit("basics/welcome.yaml", "title: ",
                "title: \"NUL\\0 \" "));
        packages.put("a NUL in the id", PackageFiles.valid().edit("course.yaml", "id: test-course",
                "id: \"" + id + "\\0\""));
        packages.put("an id of unicode", PackageFiles.valid().edit("course.yaml", "id: test-course",
                "id: \"\u202e\u00f1and\u00fa-" + id + "\""));
        packages.put("an id climbing out", PackageFiles.valid().edit("course.yaml", "id: test-course",
                "id: \"../" + id + "\""));
        packages.put("an id of 10,000 characters", PackageFiles.valid().edit("course.yaml", "id: test-course",
                "id: " + "x".repeat(10_000)));
        for (Map.Entry<String, PackageFiles> pack : packages.entrySet()) {
            MockHttpServletResponse response = upload(new MockMultipartFile("package", "course.zip",
                    "application/zip", pack.getValue().zip()), pack.getKey());
            assertThat(response.getStatus()).as(pack.getKey()).isEqualTo(200);
            assertThat(BadInput.body(response)).as(pack.getKey()).contains("The package was not published");
        }
        assertThat(catalog.courses()).noneMatch(course -> course.id().contains(id));
    }

    @Test
    void filesWithOddNamesInAPackageNeverEndInAnError() {
        for (String name : List.of("../evil.yaml", "../../etc/passwd", "/absolute.md", "a\u0000b.md", "x\u0001.md",
                "\u202eevil\u00f1.md", "x".repeat(1_000) + ".md", "basics/../../up.md", "C:\\windows.md")) {
            String id = "odd-name-" + UUID.randomUUID().toString().substring(0, 8);
            String sent = "a package holding a file named " + BadInput.printable(name);
            MockHttpServletResponse response = upload(new MockMultipartFile("package", "course.zip",
                    "application/zip", course(id).put(name, "text").zip()), sent);
            assertThat(BadInput.body(response)).as(sent).containsAnyOf("The package was not published", "is now live");
        }
    }

    @Test
    void versionsThatDoNotExistAreNotFound() {
        int current = catalog.versions("test-course").stream().filter(CourseVersion::current).findFirst()
                .orElseThrow().number();
        List<String> courses = new ArrayList<>(BadInput.PATH_SEGMENTS);
        courses.add("test-course");
        for (String course : courses) {
            for (String number : List.of("-1", "0", "999", "abc", "99999999999999999999", "1.5", "%00", "1%00")) {
                URI address = URI.create("/admin/courses/" + course + "/versions/" + number + "/current");
                int status = BadInput.send(mvc, post(address).with(csrf()).cookie(admin),
                        "POST " + BadInput.printable(address.toString())).getStatus();
                if (course.equals("test-course") && List.of("-1", "0", "999").contains(number)) {
                    assertThat(status).as(address.toString()).isEqualTo(404);
                }
            }
        }
        assertThat(catalog.versions("test-course")).filteredOn(CourseVersion::current)
                .extracting(CourseVersion::number).containsExactly(current);
        for (String bad : BadInput.VALUES) {
            assertThat(BadInput.send(mvc, get("/admin/courses").cookie(admin).param("x", bad),
                    "the course list with x = " + BadInput.printable(bad)).getStatus()).isEqualTo(200);
        }
    }
}
