package org.imrplatform.workbook;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.imrplatform.support.BrowserTest;
import org.imrplatform.support.PracticeGroups;
import org.imrplatform.support.PrintedPdf;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On a 360 px phone, with and without JavaScript: an administrator adds a participant, and on the record page (axe
 * finds nothing wrong) follows the link to the workbook in Spanish, which downloads the participant's workbook.
 */
class WorkbookBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theWorkbookIsDownloadedFromTheRecordPageOnAPhone() throws IOException {
        long group = PracticeGroups.groupOfItsOwn(jdbc);
        for (boolean javaScript : new boolean[] {false, true}) {
            BrowserContext phone = newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
                    .setIsMobile(true).setHasTouch(true).setJavaScriptEnabled(javaScript).setAcceptDownloads(true));
            page = phone.newPage();
            signInAsAdministrator("/practice/groups/" + group + "/participants");
            String code = "WB-" + UUID.randomUUID().toString().substring(0, 6);
            field("Code").fill(code);
            field("Consent to take part given on").fill("2025-01-06");
            field("Joined on").fill("2025-01-06");
            click(AriaRole.BUTTON, "Add the participant");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(code);
            if (javaScript) {
                assertAccessible(page);
                assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
                        .isLessThanOrEqualTo(360);
            }

            Download download = page.waitForDownload(() -> click(AriaRole.LINK,
                    "Workbook for the participant in Spanish (PDF)"));
            assertThat(download.suggestedFilename()).isEqualTo("workbook.pdf");
            PrintedPdf.read(Files.readAllBytes(download.path()))
                    .assertAccessible("es", "Mi cuaderno de trabajo de IMR: " + code);
            phone.close();
        }
    }

    private com.microsoft.playwright.Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }
}
