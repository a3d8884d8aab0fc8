package org.imrplatform.shared;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The language a printout for a participant is made in: English or Spanish as asked (the participant's, which need
 * not be the facilitator's), or the one the person reads the site in when none is asked. Anything else is refused.
 */
public final class PrintLanguage {

    private PrintLanguage() {
    }

    public static Locale of(String asked, Locale reading) {
        String language = asked == null ? reading.getLanguage() : asked;
        return switch (language) {
            case "es" -> Locale.forLanguageTag("es");
            case "en" -> Locale.ENGLISH;
            default -> {
                if (asked != null) {
                    throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
                }
                yield Locale.ENGLISH;
            }
        };
    }
}
