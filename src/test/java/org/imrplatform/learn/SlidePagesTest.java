package org.imrplatform.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.imrplatform.course.CourseCatalog;
import org.imrplatform.course.CourseVersion;
import org.imrplatform.course.packaging.CoursePackage;
import org.imrplatform.support.PackageFiles;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/** What a learner sees on each kind of slide, and how they move through a module. */
@PlatformTest
class SlidePagesTest {

    private static final String MODULE = "/courses/test-course/modules/basics";

    @Autowired
    MockMvc mvc;

    @Autowired
    CourseCatalog catalog;

    @Test
    void catalogListsPublishedCourses() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Test course for every slide kind"),
                        containsString("href=\"/courses/test-course\""))));
    }

    @Test
    void contentSlideShowsMarkdownImageWithAltAndEscapesRawHtml() throws Exception {
        mvc.perform(get(MODULE + "/slides/welcome")).andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<strong>welcome</strong>"),
                        containsString("alt=\"A wheel with eight parts\""),
                        containsString("&lt;script&gt;alert"),
                        not(containsString("<script>alert")),
                        containsString("href=\"/courses/test-course/modules/basics/slides/elements\""),
                        containsString("href=\"/courses/test-course/modules/second/slides/only\""))));
    }

    @Test
    void everySlideShowsItsNarrationBehindATranscriptToggle() throws Exception {
        mvc.perform(get(MODULE + "/slides/welcome"))
                .andExpect(content().string(allOf(containsString("<summary>Transcript</summary>"),
                        containsString("unique-welcome-narration"))));
    }

    @Test
    void slideShowsItsPositionAndLinksToNeighbours() throws Exception {
        mvc.perform(get(MODULE + "/slides/elements"))
                .andExpect(content().string(allOf(
                        containsString("Slide 3 of 8"),
                        containsString("rel=\"prev\" href=\"/courses/test-course/modules/basics/slides/welcome\""),
                        containsString("rel=\"next\" href=\"/courses/test-course/modules/basics/slides/reflect\""),
                        containsString("aria-current=\"page\""))));
    }

    @Test
    void lastSlideOfAModuleLeadsToTheNextModule() throws Exception {
        mvc.perform(get(MODULE + "/slides/goodbye"))
                .andExpect(content().string(allOf(containsString("Next module"),
                        containsString("href=\"/courses/test-course/modules/second\""),
                        not(containsString("rel=\"next\"")))));
    }

    @Test
    void tabsAreClickToRevealPanelsThatWorkWithoutScript() throws Exception {
        mvc.perform(get(MODULE + "/slides/elements"))
                .andExpect(content().string(allOf(containsString("<summary>Hope</summary>"),
                        containsString("Support panel text."))));
    }

    @Test
    void reflectionBoxCannotBeSubmitted() throws Exception {
        String html = mvc.perform(get(MODULE + "/slides/reflect")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String textarea = html.substring(html.indexOf("<textarea"), html.indexOf("</textarea>"));
        assertThat(textarea).doesNotContain("name=");
        assertThat(html).doesNotContain("<form method=\"post\" class=\"check\"")
                .contains("What others say").contains("Feeling in control");
    }

    @Test
    void videoSlideHasLinkAndTranscript() throws Exception {
        mvc.perform(get(MODULE + "/slides/story"))
                .andExpect(content().string(allOf(containsString("href=\"https://www.example.org/videos/story\""),
                        containsString("Watch the video: A recovery story (5 minutes)"),
                        containsString("The video plays on its host&#39;s website, with the captions that site offers."),
                        containsString("Unique-video-transcript"))));
    }

    /** A course of its own whose story slide is the given video. */
    private String courseWithVideo(String video) {
        String id = "video-" + UUID.randomUUID().toString().substring(0, 8);
        catalog.publish(CoursePackage.fromZip(PackageFiles.valid().edit("course.yaml", "id: test-course", "id: " + id)
                .edit("basics/story.yaml", "video:\n  url: https://www.example.org/videos/story\n", video)
                .put("media/story.vtt", "WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n")
                .put("media/story.mp4", "not really a video").zip()), CourseVersion.Origin.UPLOAD, "test");
        return "/courses/" + id + "/modules/basics/slides/story";
    }

    private String page(String address, String language) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(get(address).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void anExternalVideoSaysWhoseCaptionsPlayAndOffersTheCaptionsFile() throws Exception {
        String slide = courseWithVideo("video:\n  url: https://www.example.org/videos/story\n"
                + "  captions: media/story.vtt\n");
        assertThat(page(slide, "en"))
                .contains("The video plays on its host's website, with the captions that site offers. The transcript"
                        + " below has every word of it.")
                .containsPattern("<a href=\"/courses/video-[^/]+/assets/[0-9a-f]+/media/story\\.vtt\">"
                        + "Captions file for this video \\(WebVTT\\), for a media player</a>")
                .doesNotContain("<track", "''");
        assertThat(page(slide, "es"))
                .contains("El video se reproduce en el sitio web que lo aloja, con los subt\u00edtulos que ese sitio"
                        + " ofrezca.", "Archivo de subt\u00edtulos de este video (WebVTT)")
                .doesNotContain("''");
    }

    @Test
    void aVideoOfThePackagePlaysItsCaptionsAsATrack() throws Exception {
        String slide = courseWithVideo("video:\n  src: media/story.mp4\n  captions: media/story.vtt\n");
        assertThat(page(slide, "en"))
                .containsPattern("<track kind=\"captions\" default src=\"/courses/video-[^/]+/assets/[0-9a-f]+/"
                        + "media/story\\.vtt\"\\s+srclang=\"en\" label=\"Captions\">")
                .doesNotContain("host's website", "Captions file for this video");
    }

    /** The player prints the verdict once, in front of the author's explanation, which does not repeat it. */
    @Test
    void theVerdictIsThePlayersAndTheFeedbackSaysWhy() throws Exception {
        for (String language : List.of("en", "es")) {
            String graded = HtmlUtils.htmlUnescape(mvc.perform(post(MODULE + "/slides/check/answers").with(csrf())
                            .header("Accept-Language", language)
                            .param("q-nonlinear", "1").param("q-elements", "0", "2"))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            boolean english = language.equals("en");
            assertThat(graded)
                    .containsPattern("<strong>" + (english ? "Correct\\." : "Correcto\\.")
                            + "</strong>\\s*<span>Progress has ups and downs\\.</span>")
                    .containsPattern("<strong>" + (english ? "Not quite\\." : "No exactamente\\.")
                            + "</strong>\\s*<span>Punishment is not an element of recovery\\.</span>")
                    .containsPattern("<strong>" + (english ? "You missed this one\\." : "Le falt\u00f3 esta\\.")
                            + "</strong>\\s*<span>Support is one\\.</span>");
        }
    }

    /** Each question and the tabs say what to do once, in the player's words; the content does not repeat it. */
    @Test
    void instructionsAreGivenOnce() throws Exception {
        String check = page(MODULE + "/slides/check", "en");
        assertThat(check.split("Choose one answer\\.", -1)).hasSize(2);
        assertThat(check.split("Choose all the answers that apply\\.", -1)).hasSize(2);
        assertThat(check).doesNotContainIgnoringCase("select all that apply");
        String tabs = page(MODULE + "/slides/elements", "en");
        assertThat(tabs.split("Select each heading to reveal more\\.", -1)).hasSize(2);
        assertThat(tabs).doesNotContainIgnoringCase("open each panel");
    }

    @Test
    void objectivesSlideListsTheModuleObjectives() throws Exception {
        mvc.perform(get(MODULE + "/slides/objectives"))
                .andExpect(content().string(allOf(containsString("Name the eight slide kinds"),
                        containsString("Pass a knowledge check"))));
    }

    @Test
    void resourcesSlideListsLinksAndCitations() throws Exception {
        mvc.perform(get(MODULE + "/slides/reading"))
                .andExpect(content().string(allOf(containsString("href=\"https://www.example.org/resource\""),
                        containsString("<em>A study of recovery</em>"))));
    }

    @Test
    void knowledgeCheckIsAPlainFormThatGradesAnswers() throws Exception {
        mvc.perform(post(MODULE + "/slides/check/answers").with(csrf())
                        .param("q-nonlinear", "1").param("q-elements", "0", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("You answered 2 of 2 correctly (100%)."),
                        containsString("Progress has ups and downs."),
                        containsString("Support is one."))));
    }

    @Test
    void knowledgeCheckExplainsWrongAnswersAndMissedOnes() throws Exception {
        mvc.perform(post(MODULE + "/slides/check/answers").with(csrf())
                        .param("q-nonlinear", "0").param("q-elements", "0", "2"))
                .andExpect(content().string(allOf(containsString("You answered 0 of 2 correctly (0%)."),
                        containsString("Setbacks are common"),
                        containsString("You missed this one."),
                        containsString("Punishment is not an element"),
                        containsString("50% is needed to pass"))));
    }

    @Test
    void knowledgeCheckReportsUnansweredAndTamperedAnswers() throws Exception {
        mvc.perform(post(MODULE + "/slides/check/answers").with(csrf()).param("q-elements", "7"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Some answers need your attention"),
                        containsString("Question 1: choose an answer."),
                        containsString("Question 2: the answer sent is not one of the options."),
                        not(containsString("You answered")))));
    }

    @Test
    void singleChoiceQuestionRejectsTwoAnswers() throws Exception {
        mvc.perform(post(MODULE + "/slides/check/answers").with(csrf())
                        .param("q-nonlinear", "0", "1").param("q-elements", "0"))
                .andExpect(content().string(containsString("Question 1: choose only one answer.")));
    }

    @Test
    void knowledgeCheckWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post(MODULE + "/slides/check/answers").param("q-nonlinear", "1"))
                .andExpect(status().isForbidden());
    }

    @Test
    void transcriptPageHasEveryNarrationAndVideoTranscript() throws Exception {
        mvc.perform(get(MODULE + "/transcript")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("unique-welcome-narration"),
                        containsString("Narration for the closing slide."),
                        containsString("Unique-video-transcript"))));
    }

    @Test
    void unknownCourseModuleOrSlideIsNotFound() throws Exception {
        mvc.perform(get("/courses/no-such-course")).andExpect(status().isNotFound());
        mvc.perform(get("/courses/test-course/modules/no-such-module")).andExpect(status().isNotFound());
    }

    @Test
    void removedSlideSendsTheLearnerToTheModuleStart() throws Exception {
        mvc.perform(get(MODULE + "/slides/no-longer-here"))
                .andExpect(redirectedUrl(MODULE + "?gone"));
    }

    @Test
    void packageImagesAreServedFromTheStoredVersion() throws Exception {
        String html = mvc.perform(get(MODULE + "/slides/welcome")).andReturn().getResponse().getContentAsString();
        int start = html.indexOf("/courses/test-course/assets/");
        String src = html.substring(start, html.indexOf('"', start));
        mvc.perform(get(src)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("image/svg+xml")))
                .andExpect(content().string(containsString("<circle")));
    }

    @Test
    void pagesSpeakSpanishWhenAsked() throws Exception {
        mvc.perform(get(MODULE + "/slides/elements").param("lang", "es"))
                .andExpect(content().string(allOf(containsString("lang=\"es\""),
                        containsString("Diapositiva 3 de 8"), containsString("Saltar al contenido principal"))));
    }
}
