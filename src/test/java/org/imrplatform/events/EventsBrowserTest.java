package org.imrplatform.events;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.imrplatform.support.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * An administrator records an event, imports its attendance and downloads the outcomes it adds up to, then previews
 * and imports a needs assessment, in a real browser; every page passes axe.
 */
class EventsBrowserTest extends BrowserTest {

    /** An area of this test's own, so records other tests make never fall in its figures. */
    private static final String AREA = "Browser test area " + UUID.randomUUID().toString().substring(0, 8);

    private static String read(Download download) {
        try {
            return Files.readString(download.path(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void recordsAnEventImportsItsAttendanceAndReportsIt() throws IOException {
        signInAsAdministrator("/admin/events");
        assertAccessible(page);

        click(AriaRole.BUTTON, "Save the event");
        assertThat(page.locator("#error-summary")).containsText("Choose the kind of event.");
        assertAccessible(page);

        page.getByLabel("Title").fill("Goal setting in IMR (webinar)");
        page.getByLabel("Area of focus").fill(AREA);
        page.getByLabel("Audience").fill("Practitioners in New Jersey");
        page.getByLabel("First day").fill("2026-02-10");
        page.getByLabel("Last day").fill("2026-02-10");
        page.getByLabel("Kind").selectOption(new SelectOption().setLabel("Webinar"));
        page.getByLabel("Format").selectOption(new SelectOption().setLabel("Online"));
        page.getByLabel("Region").selectOption(new SelectOption().setLabel("New Jersey"));
        click(AriaRole.BUTTON, "Save the event");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Goal setting in IMR (webinar)");
        assertAccessible(page);

        String csv = "name,email,discipline,organization,state\nAna Rivera,ana.b@example.org,nurse,Clinic,NJ\n"
                + "Bad Row,nope,nurse,Clinic,NJ\n";
        page.getByLabel("Registration export (CSV or Excel)").setInputFiles(new FilePayload("export.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        click(AriaRole.BUTTON, "Preview the import");
        assertThat(page.getByText("1 people will be added, 0 are already recorded for this event, 1 rows cannot"))
                .isVisible();
        assertAccessible(page);
        click(AriaRole.BUTTON, "Add these 1 people");
        assertThat(page.getByText("1 people recorded as attending.")).isVisible();
        assertAccessible(page);

        click(AriaRole.LINK, "Evaluate");
        click(AriaRole.LINK, "Outcomes");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Outcomes"))).isVisible();
        page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill("2026-01-01");
        page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill("2026-12-31");
        page.getByLabel("Area of focus").selectOption(new SelectOption().setLabel(AREA));
        click(AriaRole.BUTTON, "Show the figures");
        assertThat(page.locator(".figures").first()).containsText("Participants engaged1");
        assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName("New Jersey")))
                .containsText("100%");
        assertAccessible(page);

        Download csvFile = page.waitForDownload(() -> click(AriaRole.LINK, "Download as CSV"));
        assertThat(read(csvFile)).contains("Participants engaged,1,").contains("Events offered,1,");
        Download pdf = page.waitForDownload(() -> click(AriaRole.LINK, "One-page summary (PDF)"));
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Outcomes: " + AREA).contains("New Jersey: 1 (100%)");
        }

        click(AriaRole.LINK, "Evaluate");
        click(AriaRole.LINK, "Products");
        click(AriaRole.BUTTON, "Add the product");
        assertThat(page.locator("#error-summary")).containsText("Choose the kind of product.");
        assertAccessible(page);

        click(AriaRole.LINK, "Evaluate");
        click(AriaRole.LINK, "Needs assessment");
        click(AriaRole.BUTTON, "Preview the assessment");
        assertThat(page.locator("#error-summary")).containsText("Enter the assessment");
        assertAccessible(page);

        page.getByLabel("Title").fill("Needs of " + AREA);
        page.getByLabel("Conducted on").fill("2026-01-15");
        page.getByLabel("Results (CSV or Excel)").setInputFiles(new FilePayload("needs.csv", "text/csv",
                ("area,rank,percent\n" + AREA + ",1,40\nHousing,,\n").getBytes(StandardCharsets.UTF_8)));
        click(AriaRole.BUTTON, "Preview the assessment");
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions()
                .setName("Rows that cannot be imported, and why"))).containsText("3give a rank, a percent or both");
        assertAccessible(page);
        page.getByLabel("Results (CSV or Excel)").setInputFiles(new FilePayload("needs.csv", "text/csv",
                ("area,rank,percent\n" + AREA + ",1,40\nHousing,2,\n").getBytes(StandardCharsets.UTF_8)));
        click(AriaRole.BUTTON, "Preview the assessment");
        assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName(AREA))).containsText("40%");
        assertAccessible(page);
        click(AriaRole.BUTTON, "Import this assessment (2 areas of focus)");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("“Needs of " + AREA + "” is imported.");
        assertAccessible(page);
    }

    @Test
    void theOutcomesTablesCanBeScrolledByKeyboardOnAPhone() {
        page.setViewportSize(360, 740);
        signInAsAdministrator("/admin/outcomes");
        assertAccessible(page);
    }
}
