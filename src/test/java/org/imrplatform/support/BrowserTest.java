package org.imrplatform.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real-browser tests: the machine's Chromium (Debian package, /usr/bin/chromium by default; see {@link Chromium})
 * driven by Playwright. Playwright's own browser download is switched off in the build
 * (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD). Without Chromium every browser test fails with one line saying how to get it.
 */
@ServerTest
public abstract class BrowserTest {

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    protected int port;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        Path chromium = Chromium.executable();
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
    }

    @AfterAll
    static void closeBrowser() {
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @BeforeEach
    void openPage() {
        context = newContext(new Browser.NewContextOptions());
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    protected BrowserContext newContext(Browser.NewContextOptions options) {
        return browser.newContext(options.setLocale("en-US"));
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Clicks the control whose accessible name is exactly {@code name}, as a screen reader user would pick it. */
    protected void click(AriaRole role, String name) {
        page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    /** Opens an administration page, signing in on the way as the suite's administrator. */
    protected void signInAsAdministrator(String path) {
        page.navigate(url(path));
        page.getByLabel("Email").fill("admin@example.org");
        page.getByLabel("Password").fill("test-admin-password");
        click(AriaRole.BUTTON, "Sign in");
    }

    /** Scans the page with axe-core for WCAG 2.1 A and AA problems and fails listing each one. */
    protected static void assertAccessible(Page page) {
        AxeResults results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")).analyze();
        assertThat(results.getViolations())
                .as(() -> page.url() + " has accessibility violations:\n" + results.getViolations().stream()
                        .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                                + v.getNodes().stream().map(n -> n.getTarget().toString()).collect(Collectors.joining(", ")))
                        .collect(Collectors.joining("\n")))
                .isEmpty();
        assertThat(results.getPasses()).isNotEmpty();
    }
}
