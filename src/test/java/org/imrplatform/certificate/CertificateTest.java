package org.imrplatform.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/** Completion plus evaluation earns a PDF certificate whose code anyone can verify. */
@PlatformTest
class CertificateTest {

    private static final String STANDING = "/my-learning/certificates/test-course";
    private static final Pattern CODE = Pattern.compile("Verification code: ([2-9A-Z]{5}-[2-9A-Z]{5})");

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Test
    void theCertificateNeedsTheEvaluationFirst() throws Exception {
        Cookie learner = Learners.register(mvc, Learners.email("not.evaluated"));
        mvc.perform(get(STANDING).cookie(learner))
                .andExpect(content().string(containsString("issued once you have completed every module")));
        Learners.completeTestCourse(mvc, learner);
        mvc.perform(get(STANDING).cookie(learner))
                .andExpect(content().string(containsString("Submit the course evaluation to receive")));
        mvc.perform(get(STANDING + ".pdf").cookie(learner)).andExpect(status().isNotFound());
    }

    @Test
    void aCertificateIsDownloadedAndItsCodeVerified() throws Exception {
        Cookie learner = Learners.register(mvc, Learners.email("certified"), "María Núñez-Ortiz");
        Learners.completeAndEvaluateTestCourse(mvc, learner);

        String standing = mvc.perform(get(STANDING).cookie(learner)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Matcher matcher = CODE.matcher(standing);
        assertThat(matcher.find()).as("the page shows the verification code").isTrue();
        String code = matcher.group(1);

        byte[] pdf = mvc.perform(get(STANDING + ".pdf").cookie(learner))
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(document)).contains("Certificate of Completion")
                    .contains("María Núñez-Ortiz").contains("Test course for every slide kind")
                    .contains("1 contact hour\n").contains(code);
        }

        mvc.perform(get("/certificates/verify").param("code", code.toLowerCase().replace("-", "")))
                .andExpect(content().string(allOf(containsString("This certificate is genuine."),
                        containsString("María Núñez-Ortiz"), containsString("Test course for every slide kind"),
                        not(containsString(Learners.email("certified"))))));
    }

    /**
     * The certificate's page links its verification and writes the date as the PDF does; the address the PDF prints
     * (letters one glyph each, no "fi" ligature), pasted by a visitor, shows the verification.
     */
    @Test
    void thePrintedVerificationAddressShowsTheVerificationToAVisitor() throws Exception {
        Cookie learner = Learners.register(mvc, Learners.email("pasting"), "Fiona Griffin");
        Learners.completeAndEvaluateTestCourse(mvc, learner);
        String standing = HtmlUtils.htmlUnescape(mvc.perform(get(STANDING).cookie(learner))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        Matcher code = CODE.matcher(standing);
        assertThat(code.find()).isTrue();
        String written = LocalDate.now(clock.withZone(ZoneOffset.UTC)).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(Locale.ENGLISH));
        assertThat(standing).contains("You completed this course on " + written + ".")
                .contains("<a href=\"/certificates/verify?code=" + code.group(1) + "\">Anyone can check it on the"
                        + " certificate verification page</a>");

        String printed;
        try (PDDocument document = Loader.loadPDF(mvc.perform(get(STANDING + ".pdf").cookie(learner))
                .andReturn().getResponse().getContentAsByteArray())) {
            printed = new PDFTextStripper().getText(document);
        }
        assertThat(printed).contains("on " + written).doesNotContain("\ufb01", "\ufb02");
        Matcher address = Pattern.compile("https://imr\\.example\\.org(/certificates/verify\\?code=\\S+)")
                .matcher(printed);
        assertThat(address.find()).as("the PDF prints the verification address: " + printed).isTrue();
        assertThat(address.group(1)).isEqualTo("/certificates/verify?code=" + code.group(1));
        mvc.perform(get(address.group(1)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("This certificate is genuine."),
                        containsString("Fiona Griffin"), containsString(written))));
    }

    @Test
    void anUnknownCodeIsExplained() throws Exception {
        mvc.perform(get("/certificates/verify").param("code", "AAAAA-BBBBB"))
                .andExpect(content().string(containsString("No certificate has this code.")));
    }

    @Test
    void certificatesAreOnlyEverTheSignedInLearnersOwn() throws Exception {
        Cookie holder = Learners.register(mvc, Learners.email("holder"));
        Learners.completeAndEvaluateTestCourse(mvc, holder);
        mvc.perform(get(STANDING + ".pdf").cookie(holder)).andExpect(status().isOk());

        Cookie other = Learners.register(mvc, Learners.email("other.learner"));
        mvc.perform(get(STANDING + ".pdf").cookie(other)).andExpect(status().isNotFound());
        mvc.perform(get(STANDING + ".pdf")).andExpect(redirectedUrl("/login"));
    }
}
