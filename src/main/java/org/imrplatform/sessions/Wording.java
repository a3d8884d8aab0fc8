package org.imrplatform.sessions;

import java.util.Locale;

/** A text of the curriculum file in the two languages the platform speaks. */
public record Wording(String en, String es) {

    /** The text in the reader's language; English for any language but Spanish. */
    public String in(Locale locale) {
        return locale != null && locale.getLanguage().equals("es") ? es : en;
    }
}
