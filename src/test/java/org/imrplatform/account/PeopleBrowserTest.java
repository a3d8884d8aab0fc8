package org.imrplatform.account;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.imrplatform.support.BrowserTest;
import org.junit.jupiter.api.Test;

/** The administrator's People pages work by keyboard and pointer alike and pass axe. */
class PeopleBrowserTest extends BrowserTest {

    @Test
    void peopleAndInvitationPagesAreAccessible() {
        signInAsAdministrator("/admin/users");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("People"))).isVisible();
        assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Invite someone")).click();
        assertAccessible(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the invitation")).click();
        assertThat(page.locator("#error-summary")).containsText("Enter your email address.");
        assertAccessible(page);
    }
}
