package org.imrplatform.fidelity;

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
import org.junit.jupiter.api.Test;

/**
 * An administrator sets up a program, reviews it on the IMR Fidelity Scale, is stopped by an incomplete submit,
 * completes and submits it, reads the report, downloads the PDF and makes a revision, then reads the program over
 * time, the sites compared and the audit log, in a real browser; every page passes axe.
 */
class FidelityReviewBrowserTest extends BrowserTest {

    private static final List<String> ITEMS = List.of("group-size", "program-length", "curriculum", "handouts",
            "significant-others", "goal-setting", "goal-follow-up", "motivation", "education",
            "cognitive-behavioral", "coping-skills", "relapse-prevention", "medication-tailoring");

    @Test
    void reviewsAProgramThroughToThePdfReport() throws Exception {
        signInAsAdministrator("/admin/programs");
        assertAccessible(page);

        click(AriaRole.BUTTON, "Add the site");
        assertThat(page.locator("#error-summary")).containsText("Enter a name.");
        assertAccessible(page);
        page.getByLabel("Site name").fill("Centro Peñalolén");
        click(AriaRole.BUTTON, "Add the site");
        page.getByLabel("Site", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("Centro Peñalolén"));
        page.getByLabel("Program name").fill("IMR for adults");
        click(AriaRole.BUTTON, "Add the program");
        page.getByLabel("Program", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("Centro Peñalolén · IMR for adults"));
        page.getByLabel("Group name").fill("Monday group");
        click(AriaRole.BUTTON, "Add the group");
        assertThat(page.getByRole(AriaRole.TABLE).first()).containsText("Monday group");
        assertAccessible(page);

        click(AriaRole.LINK, "Practice");
        click(AriaRole.LINK, "Fidelity reviews");
        assertAccessible(page);
        click(AriaRole.LINK, "Review a program on the IMR Fidelity Scale");
        page.getByLabel("Program", new Page.GetByLabelOptions().setExact(true))
                .selectOption(new SelectOption().setLabel("Centro Peñalolén · IMR for adults"));
        page.getByLabel("Reviewed on").fill("2026-04-14");
        assertAccessible(page);
        click(AriaRole.BUTTON, "Start the review");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("IMR Fidelity Scale");
        assertAccessible(page);
        page.getByLabel("5 — Every session is one-to-one or has 8 participants or fewer.").check();
        page.getByLabel("Interview").check();
        page.getByLabel("Evidence notes for item 1 (optional)").fill("Two groups of seven.");
        click(AriaRole.BUTTON, "Submit the review");
        assertThat(page.locator("#error-summary")).containsText("Rate item 2, “Program length”.");
        assertAccessible(page);
        page.locator("#error-summary a").first().click();
        for (String item : ITEMS.subList(1, ITEMS.size())) {
            page.locator("#rating-" + item + "-" + (item.equals("coping-skills") ? 2 : 4)).check();
        }
        click(AriaRole.BUTTON, "Submit the review");

        // 5 + 11 * 4 + 2 = 51; 51 / 13 = 3.92
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Feedback report: IMR Fidelity Scale");
        assertThat(page.locator("main")).containsText("3.92");
        assertThat(page.locator("main")).containsText("Moderate fidelity");
        assertThat(page.locator("main")).containsText("11. Coping skills training: 2");
        assertAccessible(page);

        Download download = page.waitForDownload(() -> click(AriaRole.LINK, "Download the report (PDF)"));
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Feedback report: IMR Fidelity Scale")
                    .contains("Centro Peñalolén · IMR for adults").contains("Mean 3.92 of 13 rated items (total 51)")
                    .contains("Help each participant pick one coping strategy").contains("Two groups of seven.");
        }

        click(AriaRole.BUTTON, "Make a revision");
        assertThat(page.locator("main")).containsText("2 · Draft");
        assertAccessible(page);

        click(AriaRole.LINK, "Practice");
        click(AriaRole.LINK, "Fidelity reviews");
        click(AriaRole.LINK, "Centro Peñalolén · IMR for adults over time");
        assertThat(page.locator("svg[role=img]")).isVisible();
        assertThat(page.getByRole(AriaRole.TABLE).first()).containsText("3.92");
        assertAccessible(page);
        click(AriaRole.LINK, "Practice");
        click(AriaRole.LINK, "Fidelity reviews");
        click(AriaRole.LINK, "Sites compared");
        assertThat(page.getByRole(AriaRole.TABLE).first()).containsText("Centro Peñalolén");
        assertAccessible(page);
        click(AriaRole.LINK, "Practice");
        click(AriaRole.LINK, "Fidelity reviews");
        click(AriaRole.LINK, "Review audit log");
        assertThat(page.getByRole(AriaRole.TABLE).first()).containsText("Downloaded the PDF");
        assertAccessible(page);
    }
}
