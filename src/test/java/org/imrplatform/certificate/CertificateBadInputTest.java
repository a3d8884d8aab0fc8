package org.imrplatform.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.BadInput;
import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Certificate addresses and codes that name nothing: the page says so, never a server error. */
@PlatformTest
class CertificateBadInputTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aCodeThatIsNoCodeIsExplained() throws Exception {
        for (String bad : BadInput.VALUES) {
            String sent = "code = " + BadInput.printable(bad);
            MockHttpServletResponse response = BadInput.send(mvc, get("/certificates/verify").param("code", bad), sent);
            assertThat(response.getStatus()).as(sent).isEqualTo(200);
            String page = response.getContentAsString();
            assertThat(page).as(sent).doesNotContain("This certificate is genuine", "<script>alert");
            if (!bad.isEmpty()) {
                assertThat(page).as(sent).containsAnyOf("No certificate has this code.",
                        "This text holds a control character");
            }
        }
        MockHttpServletResponse twice = BadInput.send(mvc, get("/certificates/verify").param("code", "A", "\u0000"),
                "two codes");
        assertThat(twice.getContentAsString()).contains("This text holds a control character");
    }

    @Test
    void aNameNoFontShowsStillMakesACertificate() throws Exception {
        String name = "\ud83d\ude00 \u202eNu\u0301n\u0303ez \u4e2d\u6587 " + "\u00d1".repeat(180);
        Cookie session = Learners.register(mvc, "odd-name-" + UUID.randomUUID() + "@example.org", name);
        Learners.completeAndEvaluateTestCourse(mvc, session);
        MockHttpServletResponse pdf = BadInput.send(mvc, get("/my-learning/certificates/test-course.pdf")
                .cookie(session), "a certificate for " + name);
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
    }

    @Test
    void certificatesOfCoursesThatDoNotExistAreNotFound() throws Exception {
        Cookie session = Learners.register(mvc, "bad-certificate-" + UUID.randomUUID() + "@example.org");
        for (String segment : BadInput.PATH_SEGMENTS) {
            for (String page : new String[] {"/my-learning/certificates/" + segment,
                    "/my-learning/certificates/" + segment + ".pdf"}) {
                int status = BadInput.send(mvc, get(URI.create(page)).cookie(session),
                        "GET " + BadInput.printable(page)).getStatus();
                if (segment.equals("no-such-id")) {
                    assertThat(status).as(page).isEqualTo(404);
                }
            }
        }
    }
}
