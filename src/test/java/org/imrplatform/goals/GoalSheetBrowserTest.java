package org.imrplatform.goals;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.imrplatform.support.BrowserTest;
import org.imrplatform.support.PracticeGroups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On a 360 px phone, a participant's goal tracking sheet from the first goal to a follow-up: each form is told its
 * problems and then filled in, the sheet is printed in Spanish, and axe finds nothing wrong on any page.
 */
class GoalSheetBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aGoalIsSetBrokenDownAndFollowedUpOnAPhone() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long group = PracticeGroups.groupOfItsOwn(jdbc);
        context.close();
        context = newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setIsMobile(true)
                .setHasTouch(true));
        page = context.newPage();

        signInAsAdministrator("/practice/groups/" + group + "/participants");
        page.getByLabel("Code").fill("P-" + run);
        page.getByLabel("Consent to take part given on").fill("2025-01-06");
        page.getByLabel("Joined on").fill("2025-01-06");
        click(AriaRole.BUTTON, "Add the participant");
        page.navigate(page.url().replaceAll("\\?.*", "") + "/goals");
        assertThat(heading()).hasText("Goal tracking sheet: P-" + run);
        assertAccessible(page);

        click(AriaRole.BUTTON, "Set the goal");
        assertThat(page.locator("#error-summary")).containsText("Write the recovery goal");
        assertAccessible(page);
        exact("The goal, in the participant's own words").fill("Find a part-time job");
        exact("Life area it touches").selectOption(new SelectOption().setLabel("Work or school"));
        exact("Set on").fill("2025-01-13");
        click(AriaRole.BUTTON, "Set the goal");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Saved: the recovery goal is on the sheet.");

        exact("Short-term goal").fill("Write a CV");
        exact("To reach by").fill("2025-03-01");
        click(AriaRole.BUTTON, "Add the short-term goal");
        exact("Toward the short-term goal").selectOption(new SelectOption().setLabel("Write a CV"));
        exact("Step").fill("List the jobs I have had");
        click(AriaRole.BUTTON, "Add the step");
        assertAccessible(page);

        exact("Day of the follow-up").fill("2025-01-20");
        exact("What happened").selectOption(new SelectOption().setLabel("Done"));
        exact("Next step (optional)").fill("Ask a friend to read the CV");
        click(AriaRole.BUTTON, "Record the follow-up");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Saved: the follow-up is in the history below.");
        assertThat(page.locator("main")).containsText("Done on 2025-01-20");
        assertThat(exact("Step followed up").locator("option[selected]")).hasText("Ask a friend to read the CV");
        assertAccessible(page);
        assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(360);

        exact("Print the sheet for the participant in").selectOption("es");
        Download sheet = page.waitForDownload(() -> click(AriaRole.BUTTON, "Print the goal sheet (PDF)"));
        assertThat(sheet.suggestedFilename()).isEqualTo("goal-sheet.pdf");
        assertThat(heading()).hasText("Goal tracking sheet: P-" + run);
    }

    private Locator exact(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private Locator heading() {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }
}
