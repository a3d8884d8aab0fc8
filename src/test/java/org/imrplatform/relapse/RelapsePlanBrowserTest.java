package org.imrplatform.relapse;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
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

/**
 * On a 360 px phone: an administrator adds a participant, is told what an empty plan lacks, writes the plan, saves
 * a second version and opens the first one. Once without JavaScript (the pages need none), once with it for axe,
 * which finds nothing wrong on any page.
 */
class RelapsePlanBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPlanIsWrittenAndVersionedOnAPhone() {
        long group = group();
        for (boolean javaScript : new boolean[] {false, true}) {
            BrowserContext phone = newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
                    .setIsMobile(true).setHasTouch(true).setJavaScriptEnabled(javaScript));
            page = phone.newPage();
            walk(group, javaScript);
            phone.close();
        }
    }

    private void walk(long group, boolean axe) {
        signInAsAdministrator("/practice/groups/" + group + "/participants");
        String code = "BR-" + UUID.randomUUID().toString().substring(0, 6);
        field("Code").fill(code);
        field("Consent to take part given on").fill("2025-01-06");
        field("Joined on").fill("2025-01-06");
        click(AriaRole.BUTTON, "Add the participant");
        page.navigate(page.url().replaceAll("\\?.*", "") + "/plan");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Relapse prevention plan of " + code);
        check(axe);

        click(AriaRole.BUTTON, "Save the plan");
        assertThat(page.locator("#error-summary")).containsText("Write at least one early warning sign");
        assertThat(page.locator("#error-summary")).containsText("Enter the day the plan will be reviewed.");
        check(axe);

        field("My early warning signs").fill("Sleeping less\nStaying in my room");
        field("What I will do when I notice a warning sign").fill("Call my sister");
        field("Who will help me, and how to reach them (optional)").fill("My sister, by phone");
        String review = LocalDate.now(ZoneOffset.UTC).plusMonths(2).toString();
        field("Day to review the plan").fill(review);
        click(AriaRole.BUTTON, "Save the plan");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Saved as version 1. The earlier versions stay as they were.");
        assertThat(page.locator("main")).containsText("Staying in my room");
        check(axe);

        field("Coping strategies that help me (optional)").fill("Music");
        click(AriaRole.BUTTON, "Save the plan");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Saved as version 2. The earlier versions stay as they were.");
        click(AriaRole.LINK, "Version 1");
        assertThat(page.locator("main")).containsText("This is an earlier version");
        assertThat(page.locator("main")).not().containsText("Music");
        check(axe);
    }

    private com.microsoft.playwright.Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    /** Axe (which needs JavaScript) on the page, and the page no wider than the phone either way. */
    private void check(boolean axe) {
        if (axe) {
            assertAccessible(page);
            assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
                    .isLessThanOrEqualTo(360);
        }
    }

    private long group() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long site = insert("insert into site (name, created_at) values (?, current_timestamp)", "Site " + run);
        long program = insert("insert into imr_program (site_id, name, created_at) values (?, ?, current_timestamp)",
                site, "IMR " + run);
        return insert("insert into imr_group (program_id, name, created_at) values (?, ?, current_timestamp)",
                program, "Monday " + run);
    }

    private long insert(String sql, Object... params) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(key, "id");
        return key.getKey().longValue();
    }
}
