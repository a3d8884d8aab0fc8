package org.imrplatform.lti;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.imrplatform.support.BrowserTest;
import org.junit.jupiter.api.Test;

/** The learning systems page and the refusal page work by keyboard and pointer alike and pass axe. */
class LtiBrowserTest extends BrowserTest {

    @Test
    void theLearningSystemsPageIsAccessibleAsItIsFilledIn() {
        signInAsAdministrator("/home/administration");
        click(AriaRole.LINK, "Learning systems (LTI)");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Learning systems (LTI)")))
                .isVisible();
        assertThat(page.locator("main")).containsText("https://imr.example.org/lti/login_initiation");
        assertAccessible(page);

        page.getByLabel("Issuer (platform ID)").fill("http://moodle.example.org");
        click(AriaRole.BUTTON, "Register the learning system");
        assertThat(page.locator("#error-summary")).containsText("Enter a full address that starts with https://");
        assertThat(page.locator("#error-summary")).containsText("Enter the client ID the learning system gave the tool.");
        assertAccessible(page);

        String issuer = "https://moodle-" + UUID.randomUUID() + ".example.org";
        page.getByLabel("Issuer (platform ID)").fill(issuer);
        page.getByLabel("Client ID").fill("browser-client");
        page.getByLabel("Deployment IDs (one a line)").fill("1\n2");
        page.getByLabel("Authentication request URL (OIDC authorization)").fill(issuer + "/mod/lti/auth.php");
        page.getByLabel("Access token URL").fill(issuer + "/mod/lti/token.php");
        page.getByLabel("Public keyset URL of the learning system").fill(issuer + "/mod/lti/certs.php");
        click(AriaRole.BUTTON, "Register the learning system");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("The learning system is registered.");
        assertThat(page.locator("table")).containsText(issuer);
        assertAccessible(page);

        click(AriaRole.BUTTON, "Remove " + issuer + " (browser-client)");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("The learning system is removed.");
        assertThat(page.locator("main")).not().containsText(issuer);
    }

    @Test
    void theRefusalPageIsAccessible() {
        page.navigate(url("/lti/login_initiation?iss=https://unknown.example.org&login_hint=x"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("The launch was refused")))
                .isVisible();
        assertAccessible(page);
    }
}
