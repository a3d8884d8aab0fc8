package org.imrplatform.account;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.imrplatform.support.BrowserTest;
import org.imrplatform.support.Learners;
import org.junit.jupiter.api.Test;

/** A practitioner creates an account in a real browser, after fixing what the form points out. */
class AccountBrowserTest extends BrowserTest {

    @Test
    void registersAfterFixingMistakes() {
        page.navigate(url("/"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create an account")).click();
        assertAccessible(page);

        page.getByLabel("Email").fill("not an address");
        page.getByLabel("Password").fill("short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create my account")).click();
        assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Error: "));
        assertThat(page.locator("#error-summary")).isFocused();
        assertThat(page.locator("#error-summary")).containsText("Enter an email address like name@example.org.");
        assertThat(page.getByLabel("Email")).hasAttribute("aria-invalid", "true");
        assertAccessible(page);

        page.getByLabel("Email").fill(Learners.email("maria.lopez"));
        page.getByLabel("Password").fill("recovery is a journey");
        page.getByLabel("Full name").fill("María López");
        page.getByLabel("Discipline or role").selectOption(new SelectOption().setLabel("Nurse"));
        page.getByLabel("Organization").fill("Hospital San Juan");
        page.getByLabel("State or territory").selectOption(new SelectOption().setLabel("Puerto Rico"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create my account")).click();

        assertThat(page.getByText(Learners.email("maria.lopez"))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
        assertAccessible(page);
    }
}
