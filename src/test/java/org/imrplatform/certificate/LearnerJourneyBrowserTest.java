package org.imrplatform.certificate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.imrplatform.support.BrowserTest;
import org.imrplatform.support.Learners;
import org.junit.jupiter.api.Test;

/** The whole learner journey in a real browser: register, learn, pass, evaluate, download and verify. */
class LearnerJourneyBrowserTest extends BrowserTest {

    private static final String MODULE = "/courses/test-course/modules/";

    @Test
    void registerLearnPassEvaluateAndVerifyTheCertificate() throws Exception {
        page.navigate(url("/register"));
        page.getByLabel("Email").fill(Learners.email("journey"));
        page.getByLabel("Password").fill("steady steps forward");
        page.getByLabel("Full name").fill("Jordan Ramírez");
        page.getByLabel("Discipline or role").selectOption(new SelectOption().setLabel("Case manager"));
        page.getByLabel("Organization").fill("Newark Community Services");
        page.getByLabel("State or territory").selectOption(new SelectOption().setLabel("New Jersey"));
        click(AriaRole.BUTTON, "Create my account");

        for (String slide : List.of("basics/slides/objectives", "basics/slides/welcome", "basics/slides/elements",
                "basics/slides/reflect", "basics/slides/story", "basics/slides/reading", "basics/slides/goodbye",
                "second/slides/only", "basics/slides/check")) {
            page.navigate(url(MODULE + slide));
        }
        page.getByLabel("not a straight line").check();
        page.getByLabel("Hope").check();
        page.getByLabel("Support", new Page.GetByLabelOptions().setExact(true)).check();
        click(AriaRole.BUTTON, "Check my answers");
        assertThat(page.getByText("Your result is saved.", new Page.GetByTextOptions().setExact(false))).isVisible();

        page.navigate(url("/courses/test-course"));
        assertThat(page.getByText("You have completed this course.")).isVisible();
        assertAccessible(page);
        assertThat(page.getByText("Resume where you left off")).hasCount(0);
        click(AriaRole.LINK, "Evaluate this course to get your certificate");
        assertAccessible(page);
        click(AriaRole.BUTTON, "Submit my evaluation");
        assertThat(page.locator("#error-summary")).containsText("Choose an answer from 1 to 5 before submitting.");
        assertAccessible(page);
        page.getByLabel("5 — Excellent").check();
        page.locator("#recommend-5").check();
        page.locator("#benefit-4").check();
        page.locator("#useInPractice-4").check();
        page.getByLabel("Comments").fill("The goal-setting examples were the most useful part.");
        click(AriaRole.BUTTON, "Submit my evaluation");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("your evaluation is submitted");
        assertAccessible(page);

        // The thanks page leads on to the certificate.
        click(AriaRole.LINK, "Get your certificate");
        assertAccessible(page);
        String code = page.getByText("Verification code:").textContent().replaceAll(".*code: ([2-9A-Z-]{11}).*", "$1");
        Download download = page.waitForDownload(() -> click(AriaRole.LINK, "Download the certificate (PDF)"));
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Jordan Ramírez").contains(code);
        }

        // The certificate's page links its own verification.
        click(AriaRole.LINK, "Anyone can check it on the certificate verification page");
        assertThat(page.getByText("This certificate is genuine.")).isVisible();
        page.navigate(url("/certificates/verify"));
        assertAccessible(page);
        page.getByLabel("Verification code").fill(code);
        click(AriaRole.BUTTON, "Verify");
        assertThat(page.getByText("This certificate is genuine.")).isVisible();
        assertThat(page.getByText("Jordan Ramírez")).isVisible();
        assertAccessible(page);
    }
}
