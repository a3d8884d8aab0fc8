package org.imrplatform.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.stream.IntStream;

import jakarta.servlet.http.Cookie;

import org.imrplatform.course.Course;
import org.imrplatform.course.CourseModule;
import org.imrplatform.course.KnowledgeCheckSlide;
import org.imrplatform.course.Slide;
import org.imrplatform.course.packaging.CoursePackage;
import org.imrplatform.course.packaging.CoursePackageReader;
import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * A Spanish-speaking learner takes the whole sample course in Spanish: every slide opens in Spanish, every knowledge
 * check passes with its right answers (the player's verdict in Spanish), and the course ends complete.
 */
@PlatformTest
class SpanishSampleCourseTest {

    private static final Cookie SPANISH = new Cookie("imr-lang", "es");

    @Autowired
    MockMvc mvc;

    private final Course spanish = CoursePackageReader.read(CoursePackage.fromClasspath("courses/imr-intro"))
            .in(Locale.forLanguageTag("es"));

    private String page(Cookie learner, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.cookie(learner, SPANISH)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void everySlideOpensInSpanishAndTheChecksPassToTheEnd() throws Exception {
        Cookie learner = Learners.register(mvc, Learners.email("curso.es"), "Marisol Ortiz Vega");
        for (CourseModule module : spanish.modules()) {
            String moduleAddress = "/courses/imr-intro/modules/" + module.id();
            for (Slide slide : module.slides()) {
                String address = moduleAddress + "/slides/" + slide.id();
                assertThat(page(learner, get(address))).as(address).contains("<html lang=\"es\"")
                        .contains("lang=\"es\"")
                        .contains("<h1 id=\"slide-title\">" + HtmlUtils.htmlEscape(slide.title(), "UTF-8") + "</h1>")
                        .contains("Read this slide in English");
                if (slide instanceof KnowledgeCheckSlide check) {
                    MockHttpServletRequestBuilder answers = post(address + "/answers").with(csrf());
                    for (KnowledgeCheckSlide.Question question : check.questions()) {
                        answers.param("q-" + question.id(), IntStream.range(0, question.options().size())
                                .filter(i -> question.options().get(i).correct()).mapToObj(String::valueOf)
                                .toArray(String[]::new));
                    }
                    assertThat(page(learner, answers)).as(address).contains("result--pass").contains("Correcto.")
                            .doesNotContain("No exactamente.");
                }
            }
        }
        assertThat(page(learner, get("/courses/imr-intro"))).contains(HtmlUtils.htmlEscape(spanish.title(), "UTF-8"))
                .contains("Ha completado este curso.")
                .doesNotContain("Resume where you left off");
        assertThat(page(learner, get("/my-learning"))).contains(HtmlUtils.htmlEscape(spanish.title(), "UTF-8"));
    }
}
