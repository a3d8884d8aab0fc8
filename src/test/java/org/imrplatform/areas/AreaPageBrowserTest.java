package org.imrplatform.areas;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.imrplatform.support.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * The IMR area page in a real browser: on a 360 px phone without JavaScript and on a desktop, in both languages,
 * it fits the screen and axe finds nothing wrong; so does the administrator's edit page.
 */
class AreaPageBrowserTest extends BrowserTest {

    @Test
    void onAPhoneWithoutJavaScriptThePageReadsWhole() {
        BrowserContext phone = phone(false);
        Page small = phone.newPage();
        small.navigate(url("/areas/imr"));
        assertThat(small.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Illness Management and Recovery");
        for (String section : new String[] {"Who we are", "The area of focus", "What we have done", "Outcomes"}) {
            assertThat(small.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(section))).isVisible();
        }
        assertThat(small.getByText("Participants engaged")).isVisible();
        phone.close();
    }

    @Test
    void onAPhoneThePageFitsAndPassesAxeInBothLanguages() {
        // axe runs as a script in the page, so this phone runs JavaScript; the page itself needs none.
        BrowserContext phone = phone(true);
        Page small = phone.newPage();
        small.navigate(url("/areas/imr"));
        assertFits(small, 360);
        assertAccessible(small);
        small.navigate(url("/areas/imr?lang=es"));
        assertThat(small.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Quiénes somos"))).isVisible();
        assertFits(small, 360);
        assertAccessible(small);
        small.navigate(url("/areas"));
        assertAccessible(small);
        phone.close();
    }

    @Test
    void onADesktopThePageAndItsEditPagePassAxe() {
        page.navigate(url("/areas/imr"));
        assertAccessible(page);
        signInAsAdministrator("/admin/areas/imr");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Edit the page of Illness Management and Recovery");
        assertAccessible(page);
        page.navigate(url("/admin/areas"));
        assertAccessible(page);
    }

    private BrowserContext phone(boolean javaScript) {
        return newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setIsMobile(true)
                .setHasTouch(true).setJavaScriptEnabled(javaScript));
    }

    private static void assertFits(Page in, int width) {
        assertThat(((Number) in.evaluate("() => document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(width);
    }
}
