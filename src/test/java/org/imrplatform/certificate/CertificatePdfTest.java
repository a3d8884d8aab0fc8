package org.imrplatform.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.imrplatform.support.PrintedPdf;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The certificate PDF read back as a screen reader or a search would: tagged, in the learner's language. */
@PlatformTest
class CertificatePdfTest {

    private static final String PDF = "/my-learning/certificates/test-course.pdf";

    @Autowired
    MockMvc mvc;

    @Test
    void theCertificateIsATaggedPdfInTheLanguageTheLearnerChose() throws Exception {
        Cookie learner = Learners.register(mvc, Learners.email("griffin"), "Jo Griffin-Fiennes");
        Learners.completeAndEvaluateTestCourse(mvc, learner);

        PrintedPdf english = PrintedPdf.read(download(learner, "en"))
                .assertAccessible("en", "Certificate of Completion: Test course for every slide kind");
        assertThat(english.pages()).isEqualTo(1);
        assertThat(english.structure()).contains("H1", "P").doesNotContain("H2");
        assertThat(english.text()).contains("Certificate of Completion This certifies that Jo Griffin-Fiennes "
                + "has completed the self-paced course Test course for every slide kind on ")
                .contains("Verification code ").doesNotContain("Page 1");

        PrintedPdf spanish = PrintedPdf.read(download(learner, "es"))
                .assertAccessible("es", "Certificado de finalización: Test course for every slide kind");
        assertThat(spanish.pages()).isEqualTo(1);
        assertThat(spanish.text()).contains("Certificado de finalización Se certifica que Jo Griffin-Fiennes "
                + "ha completado el curso a su propio ritmo").contains("Código de verificación ")
                .containsPattern("el \\d{1,2} de \\p{L}+ de \\d{4}").doesNotContain("Certificate");
    }

    private byte[] download(Cookie learner, String language) throws Exception {
        return mvc.perform(get(PDF).cookie(learner, new Cookie("imr-lang", language))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
    }
}
