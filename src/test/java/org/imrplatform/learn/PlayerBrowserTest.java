package org.imrplatform.learn;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.imrplatform.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A learner takes the course in a real browser: accessible pages, keyboard, phones, no script, private answers. */
class PlayerBrowserTest extends BrowserTest {

    private static final String MODULE = "/courses/test-course/modules/basics";

    @ParameterizedTest
    @ValueSource(strings = {"/", "/courses/test-course", MODULE, MODULE + "/transcript", MODULE + "/slides/objectives",
            MODULE + "/slides/welcome", MODULE + "/slides/elements", MODULE + "/slides/reflect",
            MODULE + "/slides/story", MODULE + "/slides/check", MODULE + "/slides/reading",
            MODULE + "/slides/goodbye", "/login", "/courses/missing", MODULE + "/slides/elements?lang=es"})
    void pageHasNoAccessibilityViolations(String path) {
        page.navigate(url(path));
        if (!path.contains("missing")) {
            assertThat(page.locator("h1")).not().hasText("Page not found");
        }
        page.locator("details").all().forEach(details -> details.evaluate("d => d.open = true"));
        assertAccessible(page);
    }

    @Test
    void gradedKnowledgeCheckHasNoAccessibilityViolations() {
        page.navigate(url(MODULE + "/slides/check"));
        page.getByLabel("a straight line", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Hope").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check my answers")).click();
        assertThat(page.getByText("You answered 0 of 2 correctly (0%).")).isVisible();
        assertThat(page.getByText("Setbacks are common, so it is rarely straight.")).isVisible();
        assertAccessible(page);

        page.navigate(url(MODULE + "/slides/check"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check my answers")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Question 1: choose an answer.")))
                .isVisible();
        assertThat(page.locator(":focus")).hasId("check-result");
        assertAccessible(page);
    }

    @Test
    void reflectionAnswerIsNeverSentNorKept() {
        String secret = "my private reflection 7f3a";
        List<String> traffic = new ArrayList<>();
        context.onRequest(request -> traffic.add(request.url() + "\n" + request.headers() + "\n"
                + (request.postData() == null ? "" : request.postData())));
        page.navigate(url(MODULE + "/slides/reflect"));

        page.getByLabel("Your answer").fill(secret);
        page.getByText("What others say").click();
        assertThat(page.getByText("Feeling in control")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next A recovery story")).click();
        assertThat(page).hasURL(url(MODULE + "/slides/story"));
        page.goBack();
        assertThat(page).hasURL(url(MODULE + "/slides/reflect"));

        assertThat(page.getByLabel("Your answer")).hasValue("");
        assertThat(traffic).hasSizeGreaterThan(2).noneMatch(t -> t.contains("7f3a"));
        assertThat(context.cookies()).noneMatch(c -> c.value.contains("7f3a"));
        assertThat((String) page.evaluate("() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage)"))
                .doesNotContain("7f3a");
        assertThat(page.content()).doesNotContain("7f3a");
    }

    @Test
    void keyboardAloneMovesThroughAModule() {
        page.navigate(url(MODULE + "/slides/welcome"));
        page.keyboard().press("Tab");
        assertThat(page.locator(":focus")).hasText("Skip to main content");
        page.keyboard().press("Enter");
        assertThat(page.locator(":focus")).hasId("main");

        for (int i = 0; i < 40 && !String.valueOf(page.evaluate("() => document.activeElement.rel")).equals("next"); i++) {
            page.keyboard().press("Tab");
        }
        assertThat((String) page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle"))
                .isNotEqualTo("none");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(url(MODULE + "/slides/elements"));
    }

    @Test
    void everythingWorksWithoutJavaScript() {
        BrowserContext noScript = newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
        Page plain = noScript.newPage();
        plain.navigate(url(MODULE + "/slides/elements"));
        assertThat(plain.getByText("Hope panel text.")).isHidden();
        plain.getByText("Hope", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(plain.getByText("Hope panel text.")).isVisible();

        plain.navigate(url(MODULE + "/slides/check"));
        plain.getByLabel("not a straight line").check();
        plain.getByLabel("Hope").check();
        plain.getByLabel("Support", new Page.GetByLabelOptions().setExact(true)).check();
        plain.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check my answers")).click();
        assertThat(plain.getByText("You answered 2 of 2 correctly (100%).")).isVisible();
        noScript.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", MODULE, "/objectives", "/welcome", "/elements", "/reflect", "/story", "/check",
            "/reading", "/goodbye", "/transcript"})
    void fitsA360PixelPhoneWithoutSidewaysScrolling(String path) {
        BrowserContext phone = newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
                .setIsMobile(true).setHasTouch(true));
        Page small = phone.newPage();
        String address = path.startsWith("/courses") || path.equals("/") ? path
                : path.equals("/transcript") ? MODULE + path : MODULE + "/slides" + path;
        small.navigate(url(address));
        assertThat(((Number) small.evaluate("() => document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(360);
        phone.close();
    }

    /** The sample course's resource slides: long addresses and citations wrap instead of widening the page. */
    @ParameterizedTest
    @ValueSource(strings = {"overview", "educational-modules", "strategies"})
    void theSampleCoursesResourceSlidesFitA360PixelPhone(String module) {
        BrowserContext phone = newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
                .setIsMobile(true).setHasTouch(true));
        Page small = phone.newPage();
        small.navigate(url("/courses/imr-intro/modules/" + module + "/slides/resources"));
        assertThat(small.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Links"))).isVisible();
        assertThat(((Number) small.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
                .isLessThanOrEqualTo(0);
        assertAccessible(small);
        phone.close();
    }
}
