package org.imrplatform.shared;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The language comes from the choice a person made, else their browser; nonsense in either changes nothing. */
@PlatformTest
class LanguageChoiceTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aLanguageCookieThatIsNoLanguageFallsBackToTheBrowsers() throws Exception {
        for (String nonsense : new String[] {"a!b", "%%%", "x".repeat(500), "en_US_\u00e9", "fr", "de-DE"}) {
            mvc.perform(get("/").cookie(new Cookie("imr-lang", nonsense.replace("\u00e9", "e")))
                            .header("Accept-Language", "es-PR,es;q=0.9"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("lang=\"es\"")));
        }
    }

    @Test
    void aMalformedAcceptLanguageIsIgnored() throws Exception {
        mvc.perform(get("/").header("Accept-Language", ";;q=abc,\u0000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("lang=\"en\"")));
    }
}
