package org.imrplatform.sessions;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.imrplatform.support.BrowserTest;
import org.imrplatform.support.PracticeGroups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On a 360 px phone, a group's keeper adds a participant, records a session (stopped once by a
 * mistake) and reads the group's page: every page passes axe.
 */
class SessionsBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsASessionOnAPhone() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        long group = PracticeGroups.groupOfItsOwn(jdbc);
        BrowserContext phone = newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
                .setIsMobile(true));
        page = phone.newPage();
        signInAsAdministrator("/practice/groups/" + group + "/participants");
        page.getByLabel("Code").fill("P-" + run);
        page.getByLabel("Consent to take part given on").fill("2025-01-06");
        page.getByLabel("Joined on").fill("2025-01-06");
        click(AriaRole.BUTTON, "Add the participant");
        page.navigate(url("/practice/groups/" + group + "/participants"));
        click(AriaRole.LINK, "Sessions and attendance of the group");
        assertThat(page.locator("main")).containsText("0 of the 11 IMR modules covered so far.");
        assertAccessible(page);

        click(AriaRole.LINK, "Record a session");
        page.getByLabel("Day of the session").fill("2025-01-13");
        page.getByLabel("Length in minutes (15 to 240)").fill("300");
        page.getByLabel("IMR module").selectOption(new SelectOption().setLabel("1. Recovery Strategies"));
        page.getByLabel("Topic").fill("What recovery means");
        page.getByLabel("Follow-up on goals").check();
        page.getByLabel("P-" + run + ", joined 2025-01-06").check();
        page.getByLabel("Note about P-" + run + " (optional, up to 500 characters)").fill("Chose a first goal");
        click(AriaRole.BUTTON, "Record the session");
        assertThat(page.locator("#error-summary")).containsText("Enter a length from 15 to 240 minutes.");
        assertAccessible(page);

        page.getByLabel("Length in minutes (15 to 240)").fill("90");
        click(AriaRole.BUTTON, "Record the session");
        assertThat(page.locator("main")).containsText("Session recorded.");
        assertThat(page.locator("main")).containsText("1 of the 11 IMR modules covered so far.");
        assertThat(page.getByRole(AriaRole.ROW, new Page.GetByRoleOptions().setName("P-" + run)))
                .containsText("1.5");
        assertAccessible(page);
        phone.close();
    }
}
