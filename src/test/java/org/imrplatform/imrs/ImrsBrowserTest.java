package org.imrplatform.imrs;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.imrplatform.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * On a 360 px phone, an administrator adds a participant, finds them due on the group's IMR Scale page, is stopped
 * by a rating without a day, records a client self-rating and reads it back; every page passes axe and fits.
 */
class ImrsBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRatingIsRecordedAndReadOnAPhone() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long site = insert("insert into site (name, created_at) values (?, current_timestamp)", "Site " + run);
        long program = insert("insert into imr_program (site_id, name, created_at) values (?, ?, current_timestamp)",
                site, "IMR " + run);
        long group = insert("insert into imr_group (program_id, name, created_at) values (?, ?, current_timestamp)",
                program, "Tuesday " + run);

        BrowserContext phone = newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
                .setIsMobile(true).setHasTouch(true));
        page = phone.newPage();
        signInAsAdministrator("/practice/groups/" + group + "/participants");
        page.getByLabel("Code").fill("PH-" + run.substring(0, 4));
        page.getByLabel("Consent to take part given on").fill("2025-01-06");
        page.getByLabel("Joined on").fill("2025-01-06");
        click(AriaRole.BUTTON, "Add the participant");

        page.navigate(url("/practice/groups/" + group + "/imrs"));
        assertThat(page.locator("main")).containsText("Overdue: due since 2025-01-06");
        assertAccessible(page);
        assertFits();
        click(AriaRole.LINK, "PH-" + run.substring(0, 4));
        assertThat(page.locator("main")).containsText("No rating recorded yet.");
        assertAccessible(page);
        assertFits();

        page.getByLabel("4 — I have made good progress toward my goal.").check();
        click(AriaRole.BUTTON, "Record the client self-rating");
        assertThat(page.locator("#error-summary")).containsText("Enter the day of the rating.");
        assertAccessible(page);

        page.getByLabel("Day of the rating").fill("2025-01-06");
        for (int item = 1; item <= 12; item++) {
            page.locator("#answer-" + item + "-" + (item % 2 == 0 ? 4 : 3)).check();
        }
        page.locator("#answer-13-na").check();
        click(AriaRole.BUTTON, "Record the client self-rating");
        // 6 items at 3 and 6 at 4: 42 / 12 = 3.50
        assertThat(page.locator("[role=status]")).hasText("Rating recorded.");
        assertThat(page.locator("main")).containsText("3.50");
        assertAccessible(page);
        assertFits();
        phone.close();
    }

    private void assertFits() {
        assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(360);
    }

    private long insert(String sql, Object... params) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(key, "id");
        return key.getKey().longValue();
    }
}
