package org.imrplatform.voices;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.imrplatform.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The administrator's voices page on a 360 px phone: publish, un-publish, axe clean throughout (axe runs as a script,
 * so the page keeps JavaScript on; it needs none: its forms are plain posts, see VoicesPageTest).
 */
class VoicesBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Voices voices;

    @Test
    void onAPhoneTheAdministratorPublishesAndUnpublishes() {
        String area = "Voices browser " + UUID.randomUUID();
        FieldRecords records = new FieldRecords(null, jdbc);
        long event = records.event(area, LocalDate.of(2026, 3, 2));
        String spanish = records.survey(event, "La facilitadora explicó todo con calma.\nMuy útil.");
        records.survey(event, "<em>Short</em> and a very-long-word-without-any-break-that-must-wrap-on-a-phone-screen");

        context.close();
        context = newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setIsMobile(true));
        page = context.newPage();
        signInAsAdministrator("/home/evaluate");
        click(AriaRole.LINK, "Voices from the field");
        page.getByLabel("From").fill("2026-01-01");
        page.getByLabel("To").fill("2026-12-31");
        page.getByLabel("Area of focus").selectOption(area);
        click(AriaRole.BUTTON, "Show the comments");

        Locator card = page.locator("#comment-" + spanish);
        assertThat(card.locator("blockquote")).containsText("La facilitadora explicó todo con calma.");
        assertThat(page.getByText("<em>Short</em>", new Page.GetByTextOptions().setExact(false))).isVisible();
        assertThat(card.getByLabel("Language it is written in")).hasValue("es");
        assertFitsPhone();
        assertAccessible(page);

        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Publish")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Published in Spanish: it is on the area's page now.");
        assertThat(page.locator("#comment-" + spanish)).containsText("Published in Spanish");
        assertThat(voices.published(area, "es")).containsExactly(
                new Voice("La facilitadora explicó todo con calma.\nMuy útil."));
        assertFitsPhone();
        assertAccessible(page);

        page.locator("#comment-" + spanish).getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Un-publish")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Un-published: it is off the area's page now.");
        assertThat(voices.published(area, "es")).isEmpty();
        assertAccessible(page);
    }

    private void assertFitsPhone() {
        assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(360);
    }
}
