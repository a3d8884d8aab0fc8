package org.imrplatform.outcomes;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import org.imrplatform.support.BrowserTest;
import org.junit.jupiter.api.Test;

/** An administrator records an event and imports its attendance in a real browser; every page passes axe. */
class EventsBrowserTest extends BrowserTest {

    private void click(AriaRole role, String name) {
        page.getByRole(role, new Page.GetByRoleOptions().setName(name)).click();
    }

    @Test
    void recordsAnEventAndImportsItsAttendance() {
        page.navigate(url("/admin/events"));
        page.getByLabel("Email").fill("admin@example.org");
        page.getByLabel("Password").fill("test-admin-password");
        click(AriaRole.BUTTON, "Sign in");
        assertAccessible(page);

        click(AriaRole.BUTTON, "Save the event");
        assertThat(page.locator("#error-summary")).containsText("Choose the kind of event.");
        assertAccessible(page);

        page.getByLabel("Title").fill("Goal setting in IMR (webinar)");
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
        page.getByLabel("Registration export (CSV)").setInputFiles(new FilePayload("export.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        click(AriaRole.BUTTON, "Preview the import");
        assertThat(page.getByText("1 people will be added, 0 are already recorded for this event, 1 rows cannot"))
                .isVisible();
        assertAccessible(page);
        click(AriaRole.BUTTON, "Add these 1 people");
        assertThat(page.getByText("1 people recorded as attending.")).isVisible();
        assertAccessible(page);

        click(AriaRole.LINK, "Outcomes");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Outcomes"))).isVisible();
        assertAccessible(page);

        click(AriaRole.LINK, "Products");
        click(AriaRole.BUTTON, "Add the product");
        assertThat(page.locator("#error-summary")).containsText("Choose the kind of product.");
        assertAccessible(page);

        click(AriaRole.LINK, "Needs assessment");
        click(AriaRole.BUTTON, "Import the assessment");
        assertThat(page.locator("#error-summary")).containsText("Enter the assessment");
        assertAccessible(page);
    }
}
