package org.imrplatform.home;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.imrplatform.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The header in a real browser: on a 360 px phone the menu starts folded and opens and closes by keyboard and by
 * tap with JavaScript switched off; on a desktop it is one row; axe finds nothing wrong either way.
 */
class NavigationBrowserTest extends BrowserTest {

    private static final List<String> ADMINISTRATOR_FACES = List.of("Learn", "Practice", "Evaluate",
            "Administration");

    @Test
    void onAPhoneTheMenuIsFoldedAndOpensWithoutJavaScript() {
        BrowserContext phone = phone(false);
        Page small = phone.newPage();
        signIn(small, "/home/evaluate");
        Locator menu = small.locator("summary");
        assertThat(menu).hasText("Menu");
        for (String face : ADMINISTRATOR_FACES) {
            assertThat(link(small, face)).isHidden();
        }
        assertThat(button(small, "Sign out")).isHidden();

        menu.focus();
        small.keyboard().press("Enter");
        for (String face : ADMINISTRATOR_FACES) {
            assertThat(link(small, face)).isVisible();
        }
        assertThat(link(small, "Evaluate")).hasAttribute("aria-current", "page");
        assertThat(link(small, "Español")).isVisible();
        assertThat(button(small, "Sign out")).isVisible();
        assertFitsItsWidth(small, 360);

        menu.click();
        assertThat(link(small, "Practice")).isHidden();
        menu.click();
        small.keyboard().press("Tab");
        assertThat(link(small, "Learn")).isFocused();
        small.keyboard().press("Tab");
        small.keyboard().press("Enter");
        assertThat(small).hasURL(url("/home/practice"));
        assertThat(small.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Practice");
        assertThat(link(small, "Evaluate")).isHidden();
        phone.close();
    }

    @Test
    void onAPhoneTheFoldedAndTheOpenMenuPassAxe() {
        BrowserContext phone = phone(true);
        Page small = phone.newPage();
        small.navigate(url("/home/learn"));
        assertThat(link(small, "Sign in")).isHidden();
        assertAccessible(small);
        small.locator("summary").click();
        assertThat(link(small, "Sign in")).isVisible();
        assertThat(link(small, "Learn")).hasAttribute("aria-current", "page");
        assertAccessible(small);
        assertFitsItsWidth(small, 360);

        signIn(small, "/home/administration");
        small.locator("summary").click();
        for (String face : ADMINISTRATOR_FACES) {
            assertThat(link(small, face)).isVisible();
        }
        assertThat(link(small, "Administration")).hasAttribute("aria-current", "page");
        assertAccessible(small);
        phone.close();
    }

    @ParameterizedTest
    @CsvSource({"1280, en, Sign out", "1024, es, Cerrar sesión"})
    void onADesktopTheHeaderIsOneRow(int width, String language, String signOut) {
        BrowserContext desktop = newContext(new Browser.NewContextOptions().setViewportSize(width, 800));
        Page wide = desktop.newPage();
        signIn(wide, "/admin/events");
        wide.navigate(url("/admin/events?lang=" + language));
        assertThat(wide.locator("summary")).isHidden();
        Locator header = wide.locator(".site-header__inner");
        List<Locator> controls = header.locator("a:visible, button:visible").all();
        assertThat(controls).hasSize(8);
        assertThat(controls.getLast()).hasText(signOut);
        double lowestTop = 0;
        double highestBottom = Double.MAX_VALUE;
        for (Locator control : controls) {
            BoundingBox box = control.boundingBox();
            lowestTop = Math.max(lowestTop, box.y);
            highestBottom = Math.min(highestBottom, box.y + box.height);
        }
        assertThat(lowestTop).as("every header control shares one row").isLessThan(highestBottom);
        assertThat(wide.locator("[aria-current]")).hasCount(1);
        assertThat(wide.locator(".site-nav [aria-current=true]"))
                .hasText(language.equals("es") ? "Evaluar" : "Evaluate");
        assertFitsItsWidth(wide, width);
        assertAccessible(wide);
        for (String home : List.of("/home/learn", "/home/practice", "/home/evaluate", "/home/administration")) {
            wide.navigate(url(home));
            assertThat(wide.locator(".site-nav [aria-current=page]")).hasAttribute("href", home);
            assertAccessible(wide);
        }
        desktop.close();
    }

    private BrowserContext phone(boolean javaScript) {
        return newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setIsMobile(true)
                .setHasTouch(true).setJavaScriptEnabled(javaScript));
    }

    private void signIn(Page in, String path) {
        in.navigate(url(path));
        in.getByLabel("Email").fill("admin@example.org");
        in.getByLabel("Password").fill("test-admin-password");
        in.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
    }

    private static Locator link(Page in, String name) {
        return in.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator button(Page in, String name) {
        return in.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void assertFitsItsWidth(Page in, int width) {
        assertThat(((Number) in.evaluate("() => document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(width);
    }
}
