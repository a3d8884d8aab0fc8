package org.imrplatform.learn;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.imrplatform.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A narrated slide of the bilingual test course in a real browser: a named player that waits for the learner, the
 * switch to the same slide in Spanish, and no accessibility problem, on a phone too.
 */
class NarratedSlideBrowserTest extends BrowserTest {

    private static final String WELCOME = "/courses/bilingual-course/modules/basics/slides/welcome";

    @Test
    void thePlayerIsNamedAndNothingPlaysByItself() {
        List<String> audioRequests = new ArrayList<>();
        context.onRequest(request -> {
            if (request.url().endsWith(".ogg")) {
                audioRequests.add(request.url());
            }
        });
        page.navigate(url(WELCOME));
        Locator player = page.locator("audio");
        assertThat(player).hasAccessibleName("Narration of the welcome");
        assertThat(player).hasAttribute("controls", "");
        page.waitForTimeout(500);
        assertThat((Boolean) player.evaluate("audio => audio.paused")).isTrue();
        assertThat((Boolean) player.evaluate("audio => audio.autoplay")).isFalse();
        // preload="none": the file is fetched only when the learner presses play.
        assertThat(audioRequests).isEmpty();

        player.evaluate("audio => audio.play()");
        page.waitForFunction("() => document.querySelector('audio').currentTime > 0");
        player.evaluate("audio => audio.pause()");
        assertThat((Boolean) player.evaluate("audio => audio.paused")).isTrue();
        assertThat(audioRequests).isNotEmpty().allMatch(address -> address.endsWith("/media/welcome.en.ogg"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Leer esta diapositiva en español")).click();
        assertThat(page.locator("h1")).hasText("Bienvenida en español");
        assertThat(page.locator("audio")).hasAccessibleName("Narración de la bienvenida");
        assertThat((Boolean) page.locator("audio").evaluate("audio => audio.paused")).isTrue();
        assertThat(page.locator("html")).hasAttribute("lang", "es");
        assertAccessible(page);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void theNarratedSlideIsAccessibleOnAPhone(String language) {
        BrowserContext phone = newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
                .setIsMobile(true).setHasTouch(true));
        Page small = phone.newPage();
        small.navigate(url(WELCOME + "?lang=" + language));
        small.locator("details").all().forEach(details -> details.evaluate("d => d.open = true"));
        assertThat(((Number) small.evaluate("() => document.documentElement.scrollWidth")).intValue())
                .isLessThanOrEqualTo(360);
        assertAccessible(small);
        phone.close();
    }
}
