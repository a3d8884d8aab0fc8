package org.imrplatform.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

/** A participant's printout is in English or Spanish as asked, else in the reader's language; nothing else. */
class PrintLanguageTest {

    @Test
    void theLanguageAskedWinsTheReadersIsTheDefaultAndOthersAreRefused() {
        assertThat(PrintLanguage.of("es", Locale.ENGLISH)).isEqualTo(Locale.forLanguageTag("es"));
        assertThat(PrintLanguage.of("en", Locale.forLanguageTag("es"))).isEqualTo(Locale.ENGLISH);
        assertThat(PrintLanguage.of(null, Locale.forLanguageTag("es-PR")).getLanguage()).isEqualTo("es");
        assertThat(PrintLanguage.of(null, Locale.FRENCH)).isEqualTo(Locale.ENGLISH);
        assertThatThrownBy(() -> PrintLanguage.of("fr", Locale.ENGLISH)).isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("400");
    }
}
