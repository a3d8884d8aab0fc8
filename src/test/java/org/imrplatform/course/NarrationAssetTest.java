package org.imrplatform.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

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
 * A narrated slide's player, and its audio served as players need it (a part at a time, for seeking) but only while a
 * page of the version learners see uses it.
 */
@PlatformTest
class NarrationAssetTest {

    private static final byte[] ENGLISH_AUDIO = PackageFiles.translated().bytes("media/welcome.en.ogg");

    @Autowired
    MockMvc mvc;

    private Cookie admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = Learners.administrator(mvc);
    }

    /** The translated test package as a course of its own. */
    private static PackageFiles course(String id) {
        return PackageFiles.translated().edit("course.yaml", "id: bilingual-course", "id: " + id)
                .edit("translations/es/course.yaml", "id: bilingual-course", "id: " + id);
    }

    private void publish(PackageFiles files) throws Exception {
        mvc.perform(multipart("/admin/courses/upload")
                        .file(new MockMultipartFile("package", "course.zip", "application/zip", files.zip()))
                        .with(csrf()).cookie(admin))
                .andExpect(redirectedUrl("/admin/courses"));
    }

    /** The address of the audio the welcome slide plays, in the language asked for. */
    private String audioAddress(String courseId, String language) throws Exception {
        String html = mvc.perform(get("/courses/" + courseId + "/modules/basics/slides/welcome")
                        .cookie(new Cookie("imr-lang", language)))
                .andReturn().getResponse().getContentAsString();
        int start = html.indexOf("<source src=\"") + "<source src=\"".length();
        return html.substring(start, html.indexOf('"', start));
    }

    @Test
    void theSlideOffersAPlayerThatWaitsForTheLearnerWithItsTranscriptAndADownload() throws Exception {
        String html = mvc.perform(get("/courses/bilingual-course/modules/basics/slides/welcome"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<figcaption id=\"narration-title\">Narration of the welcome</figcaption>")
                .contains("<audio controls preload=\"none\" aria-labelledby=\"narration-title\">")
                .containsPattern("<source src=\"/courses/bilingual-course/assets/[0-9a-f]{64}/media/welcome.en.ogg\""
                        + " type=\"audio/ogg\">")
                .containsPattern("<a href=\"/courses/bilingual-course/assets/[0-9a-f]{64}/media/welcome.en.ogg\""
                        + " download>Download the audio</a>")
                .contains("<summary>Transcript</summary>", "The English narration of the welcome.")
                .doesNotContain("autoplay");
        assertThat(html.indexOf("<audio")).isLessThan(html.indexOf("<summary>Transcript</summary>"));
        // A slide without narration has no player.
        assertThat(mvc.perform(get("/courses/bilingual-course/modules/basics/slides/goodbye")).andReturn()
                .getResponse().getContentAsString()).doesNotContain("<audio");
    }

    @Test
    void theAudioIsServedWholeOrInPartsWithItsType() throws Exception {
        String courseId = "narrated-" + UUID.randomUUID().toString().substring(0, 8);
        publish(course(courseId));
        String english = audioAddress(courseId, "en");
        assertThat(english).endsWith("/media/welcome.en.ogg");
        assertThat(audioAddress(courseId, "es")).endsWith("/media/welcome.es.ogg");

        MockHttpServletResponse whole = mvc.perform(get(english)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "audio/ogg"))
                .andExpect(header().string("Accept-Ranges", "bytes")).andReturn().getResponse();
        assertThat(whole.getContentAsByteArray()).isEqualTo(ENGLISH_AUDIO);

        MockHttpServletResponse part = mvc.perform(get(english).header("Range", "bytes=100-199"))
                .andExpect(status().isPartialContent())
                .andExpect(header().string("Content-Type", "audio/ogg"))
                .andExpect(header().string("Content-Range", "bytes 100-199/" + ENGLISH_AUDIO.length))
                .andReturn().getResponse();
        assertThat(part.getContentAsByteArray()).isEqualTo(java.util.Arrays.copyOfRange(ENGLISH_AUDIO, 100, 200));

        mvc.perform(get(english).header("Range", "bytes=" + ENGLISH_AUDIO.length + "-"))
                .andExpect(status().isRequestedRangeNotSatisfiable());
        // Ranges that are no ranges, or so many they would make the answer larger than the file, are refused.
        mvc.perform(get(english).header("Range", "bytes=abc")).andExpect(status().isRequestedRangeNotSatisfiable());
        mvc.perform(get(english).header("Range", "bytes=" + "0-,".repeat(200) + "0-"))
                .andExpect(status().isRequestedRangeNotSatisfiable());
    }

    @Test
    void onlyAudioAPageOfTheCurrentVersionPlaysIsServed() throws Exception {
        String courseId = "narrated-" + UUID.randomUUID().toString().substring(0, 8);
        publish(course(courseId));
        String first = audioAddress(courseId, "en");
        String version = first.substring(0, first.length() - "media/welcome.en.ogg".length());

        // In the package, but on no page.
        mvc.perform(get(version + "media/unused.ogg").header("Range", "bytes=0-9")).andExpect(status().isNotFound());
        // The translation's YAML is as hidden as the original's.
        mvc.perform(get(version + "translations/es/basics/check.yaml")).andExpect(status().isNotFound());
        // Another course's address for the same file.
        mvc.perform(get(first.replace("/courses/" + courseId + "/", "/courses/test-course/"))
                .header("Range", "bytes=0-9")).andExpect(status().isNotFound());

        publish(course(courseId).edit("basics/welcome.yaml", "The welcome body", "The new welcome body"));
        String second = audioAddress(courseId, "en");
        assertThat(second).isNotEqualTo(first);
        mvc.perform(get(second).header("Range", "bytes=0-9")).andExpect(status().isPartialContent());
        mvc.perform(get(first).header("Range", "bytes=0-9")).andExpect(status().isNotFound());
    }
    /**
     * Players ask for one range at a time. A range that cannot be served is answered 416 with the file's length and
     * nothing else: not the whole file, and not with the year-long public caching of the file itself (a shared cache
     * would keep the refusal). Several ranges, even overlapping ones that stay under the file's length, are refused
     * too rather than answered as a multipart of up to a hundred parts; an empty list of ranges is no range.
     */
    @Test
    void aRangeThatCannotBeServedGetsA416WithoutTheFileAndWithoutCaching() throws Exception {
        String courseId = "narrated-" + UUID.randomUUID().toString().substring(0, 8);
        publish(course(courseId));
        String english = audioAddress(courseId, "en");
        for (String range : List.of("bytes=abc", "bytes=", "bytes=9-3", "bytes=-5-3", "items=0-3",
                "bytes=0-99999999999999999999", "bytes=" + ENGLISH_AUDIO.length + "-", "bytes=0-9,20-29",
                "bytes=0-3000,1-3000", "bytes=" + "0-0,".repeat(99) + "0-0")) {
            MockHttpServletResponse refused = mvc.perform(get(english).header("Range", range))
                    .andExpect(status().isRequestedRangeNotSatisfiable())
                    .andExpect(header().string("Content-Range", "bytes */" + ENGLISH_AUDIO.length))
                    .andReturn().getResponse();
            assertThat(refused.getContentAsByteArray()).as(range).isEmpty();
            assertThat(refused.getHeader("Cache-Control")).as(range).doesNotContain("public", "immutable");
        }
        // A suffix longer than the file, or an end past it, is the whole file (RFC 9110), still as one range.
        mvc.perform(get(english).header("Range", "bytes=-99999999999")).andExpect(status().isPartialContent())
                .andExpect(header().string("Content-Range",
                        "bytes 0-" + (ENGLISH_AUDIO.length - 1) + "/" + ENGLISH_AUDIO.length));
        // HEAD tells the same headers as GET (the server, not MockMvc, leaves out the body).
        mvc.perform(head(english).header("Range", "bytes=0-9"))
                .andExpect(status().isPartialContent())
                .andExpect(header().string("Content-Range", "bytes 0-9/" + ENGLISH_AUDIO.length))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cache-Control", "max-age=31536000, public, immutable"))
                .andExpect(header().string("Content-Length", "10"));
    }
}
