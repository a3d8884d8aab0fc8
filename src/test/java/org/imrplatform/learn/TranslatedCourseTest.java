package org.imrplatform.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.imrplatform.support.PrintedPdf;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A learner reads a course in English or Spanish (the bundled test course src/test/resources/packages/translated),
 * switches on any slide and keeps their place, progress, answers, completion and certificate.
 */
@PlatformTest
class TranslatedCourseTest {

    private static final String COURSE = "/courses/bilingual-course";
    private static final String MODULE = COURSE + "/modules/basics";
    private static final Cookie SPANISH = new Cookie("imr-lang", "es");
    private static final Cookie ENGLISH = new Cookie("imr-lang", "en");

    @Autowired
    MockMvc mvc;

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aLearnerSwitchesLanguageOnASlideAndKeepsTheirPlaceProgressAnswersAndCertificate() throws Exception {
        Cookie learner = Learners.register(mvc, Learners.email("bilingual"), "Ana Rivera-Fiol");

        String welcome = page(get(MODULE + "/slides/welcome").cookie(learner, ENGLISH));
        assertThat(welcome).contains("<h1 id=\"slide-title\">Welcome in English</h1>", "unique-english-welcome")
                .contains("<a lang=\"es\" hreflang=\"es\" "
                        + "href=\"/courses/bilingual-course/modules/basics/slides/welcome?lang=es\">"
                        + "Leer esta diapositiva en español</a>");
        page(get(MODULE + "/slides/elements").cookie(learner, ENGLISH));
        String graded = page(post(MODULE + "/slides/check/answers").with(csrf()).cookie(learner, ENGLISH)
                .param("q-nonlinear", "1").param("q-elements", "0", "1"));
        assertThat(graded).contains("result--pass");

        // The switch is a plain link: the same slide, now in Spanish, with the answers as they were.
        String check = page(get(MODULE + "/slides/check").param("lang", "es").cookie(learner, ENGLISH));
        assertThat(check).contains("<html lang=\"es\"", "Comprobación en español", "La esperanza", "result--pass")
                .contains("Read this slide in English</a>")
                .doesNotContain("Check in English");
        assertThat(checked(check)).containsExactly("q-nonlinear-1", "q-elements-0", "q-elements-1");
        // The same answers and place read back in English.
        String checkInEnglish = page(get(MODULE + "/slides/check").cookie(learner, ENGLISH));
        assertThat(checkInEnglish).contains("Check in English", "result--pass");
        assertThat(checked(checkInEnglish)).containsExactly("q-nonlinear-1", "q-elements-0", "q-elements-1");

        assertThat(page(get(COURSE).cookie(learner, SPANISH))).contains("Curso de prueba bilingüe",
                "Lo básico en dos idiomas", "3 de 4 diapositivas vistas", "Ha visto el 75 % de este curso.",
                "Continuar donde lo dejó: Comprobación en español").doesNotContain("Bilingual test course");

        // Finishing in Spanish completes the course begun in English.
        page(get(MODULE + "/slides/goodbye").cookie(learner, SPANISH));
        assertThat(page(get(COURSE).cookie(learner, SPANISH))).contains("Ha completado este curso.");
        mvc.perform(post(COURSE + "/evaluation").with(csrf()).cookie(learner, SPANISH).param("action", "submit")
                        .param("overallQuality", "5").param("recommend", "5").param("benefit", "4")
                        .param("useInPractice", "4"))
                .andExpect(status().is3xxRedirection());

        assertThat(page(get("/my-learning").cookie(learner, SPANISH))).contains("Curso de prueba bilingüe",
                "Lo básico en dos idiomas", "lang=\"es\"");
        assertThat(page(get("/my-learning/certificates/bilingual-course").cookie(learner, SPANISH)))
                .contains("Certificado: Curso de prueba bilingüe");
        PrintedPdf spanish = PrintedPdf.read(pdf(learner, SPANISH))
                .assertAccessible("es", "Certificado de finalización: Curso de prueba bilingüe");
        assertThat(spanish.text()).contains("Ana Rivera-Fiol ha completado el curso a su propio ritmo "
                + "Curso de prueba bilingüe").doesNotContain("Bilingual test course");
        PrintedPdf english = PrintedPdf.read(pdf(learner, ENGLISH))
                .assertAccessible("en", "Certificate of Completion: Bilingual test course");
        assertThat(english.text()).contains("has completed the self-paced course Bilingual test course");
    }

    @Test
    void everyPageOfTheCourseComesInTheReadersLanguage() throws Exception {
        Cookie learner = Learners.register(mvc, Learners.email("pages-es"));

        assertThat(page(get("/").cookie(SPANISH))).contains("Curso de prueba bilingüe").doesNotContain(
                "Bilingual test course");
        assertThat(page(get("/").cookie(ENGLISH))).contains("Bilingual test course");
        assertThat(page(get(MODULE).cookie(SPANISH))).contains("<h1 lang=\"es\">Lo básico en dos idiomas</h1>",
                "Leer una diapositiva en cualquiera de los dos idiomas", "Bienvenida en español");
        assertThat(page(get(MODULE + "/transcript").cookie(SPANISH)))
                .contains("La narración en español de la bienvenida").doesNotContain("The English narration");
        String test = page(get(COURSE + "/knowledge-test/before").cookie(learner, SPANISH));
        assertThat(test).contains("Prueba de conocimientos en español", "¿La recuperación es una línea recta?");
        // Graded by position, the same in either language: "No" is the second option in both.
        mvc.perform(post(COURSE + "/knowledge-test/before").with(csrf()).cookie(learner, SPANISH)
                .param("q-straight", "1")).andExpect(status().is3xxRedirection());
        assertThat(page(get(COURSE + "/knowledge-test/before").cookie(learner, ENGLISH)))
                .contains("Knowledge test in English", "100%");
    }

    @Test
    void aCourseWithoutTheInterfacesLanguageIsShownInItsOwnAndMarkedSo() throws Exception {
        String slide = page(get("/courses/test-course/modules/basics/slides/welcome").cookie(SPANISH));
        assertThat(slide).contains("<html lang=\"es\"", "lang=\"en\"", "Welcome to the test course")
                .contains("<summary lang=\"es\">Transcripción</summary>")
                .doesNotContain("class=\"slide-languages\"");
    }

    @Test
    void anotherLearnersAnswersAndAnUnknownLanguageChangeNothing() throws Exception {
        Cookie first = Learners.register(mvc, Learners.email("answers-own"));
        Cookie second = Learners.register(mvc, Learners.email("answers-other"));
        page(post(MODULE + "/slides/check/answers").with(csrf()).cookie(first)
                .param("q-nonlinear", "0").param("q-elements", "2"));

        String theirs = page(get(MODULE + "/slides/check").cookie(second, SPANISH));
        assertThat(checked(theirs)).isEmpty();
        assertThat(theirs).doesNotContain("result--");

        // A language the interface does not speak, by address or forged cookie, is English.
        assertThat(page(get(MODULE + "/slides/welcome").param("lang", "fr").cookie(first)))
                .contains("Welcome in English");
        assertThat(page(get(MODULE + "/slides/welcome").cookie(first, new Cookie("imr-lang", "es\u0000x"))))
                .contains("Welcome in English");
        assertThat(checked(page(get(MODULE + "/slides/check").cookie(first, SPANISH))))
                .containsExactly("q-nonlinear-0", "q-elements-2");
    }

    /** The ids of the options shown as chosen. */
    private static java.util.List<String> checked(String html) {
        return Pattern.compile("<input [^>]*id=\"([^\"]+)\"[^>]*checked").matcher(html).results()
                .map(m -> m.group(1)).toList();
    }

    private byte[] pdf(Cookie learner, Cookie language) throws Exception {
        return mvc.perform(get("/my-learning/certificates/bilingual-course.pdf").cookie(learner, language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }
}
