package org.imrplatform.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PackageFiles;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Only the files a course's pages show or link to are served, and only from the version learners see: the YAML a
 * course is written in (the knowledge test's answers among it) never is.
 */
@PlatformTest
class CourseAssetTest {


    @Autowired
    MockMvc mvc;

    /** The real administrator's session: the pages log the signed-in account's id. */
    private Cookie admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = Learners.administrator(mvc);
    }

    /** A course of its own, with a linked handout and two files nothing points at. */
    private static PackageFiles course(String id) {
        return PackageFiles.valid().edit("course.yaml", "id: test-course", "id: " + id)
                .edit("basics/goodbye.yaml", "You finished the basics.", "Keep [the handout](docs/handout.pdf).")
                .put("docs/handout.pdf", "%PDF-1.4 handout")
                .put("docs/notes.md", "# Notes for the authors")
                .put("images/unused.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    }

    private static String uniqueId() {
        return "assets-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void publish(PackageFiles files) throws Exception {
        mvc.perform(multipart("/admin/courses/upload")
                        .file(new MockMultipartFile("package", "course.zip", "application/zip", files.zip()))
                        .with(csrf()).cookie(admin))
                .andExpect(redirectedUrl("/admin/courses"));
    }

    /** The address the welcome slide gives its image: {@code /courses/<id>/assets/<checksum>/images/wheel.svg}. */
    private String imageAddress(String courseId) throws Exception {
        String html = mvc.perform(get("/courses/" + courseId + "/modules/basics/slides/welcome"))
                .andReturn().getResponse().getContentAsString();
        int start = html.indexOf("/courses/" + courseId + "/assets/");
        return html.substring(start, html.indexOf('"', start));
    }

    @Test
    void filesThePagesUseAreServedAndTheCourseSourcesAreNot() throws Exception {
        String courseId = uniqueId();
        publish(course(courseId));
        String image = imageAddress(courseId);
        assertThat(image).endsWith("/images/wheel.svg");
        String version = image.substring(0, image.length() - "images/wheel.svg".length());

        mvc.perform(get(image)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("image/svg+xml")))
                .andExpect(content().string(containsString("<circle")));
        mvc.perform(get(version + "docs/handout.pdf")).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(content().string("%PDF-1.4 handout"));

        for (String hidden : new String[] {"course.yaml", "basics/module.yaml", "basics/welcome.yaml",
                "basics/check.yaml", "test.yaml", "docs/notes.md", "images/unused.svg", "no/such/file.svg"}) {
            assertThat(statusOf(version + hidden)).as(hidden).isEqualTo(404);
        }
    }

    @Test
    void theSampleCoursesKnowledgeTestAnswersAreNotPublic() throws Exception {
        String html = mvc.perform(get("/courses/imr-intro/modules/overview/slides/eight-dimensions"))
                .andReturn().getResponse().getContentAsString();
        int start = html.indexOf("/courses/imr-intro/assets/");
        String image = html.substring(start, html.indexOf('"', start));
        String version = image.substring(0, image.indexOf("/images/") + 1);

        assertThat(statusOf(image)).isEqualTo(200);
        assertThat(statusOf(version + "knowledge-test.yaml")).isEqualTo(404);
        assertThat(statusOf(version + "overview/m1-check.yaml")).isEqualTo(404);
    }

    private int statusOf(String address) throws Exception {
        return mvc.perform(get(address)).andReturn().getResponse().getStatus();
    }

    @Test
    void onlyTheCurrentVersionIsServed() throws Exception {
        String courseId = uniqueId();
        publish(course(courseId));
        String first = imageAddress(courseId);
        publish(course(courseId).edit("basics/welcome.yaml", "This is the", "Version two says"));
        String second = imageAddress(courseId);
        assertThat(second).isNotEqualTo(first);

        mvc.perform(get(second)).andExpect(status().isOk());
        mvc.perform(get(first)).andExpect(status().isNotFound());
        mvc.perform(get("/courses/" + courseId + "/assets/" + "0".repeat(64) + "/images/wheel.svg"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/courses/no-such-course/assets/" + "0".repeat(64) + "/images/wheel.svg"))
                .andExpect(status().isNotFound());

        // Made current again by an administrator, the first version is what learners see, so its files are back.
        mvc.perform(post("/admin/courses/" + courseId + "/versions/1/current").with(csrf()).cookie(admin))
                .andExpect(redirectedUrl("/admin/courses"));
        mvc.perform(get(first)).andExpect(status().isOk());
        mvc.perform(get(second)).andExpect(status().isNotFound());
    }
}
