package org.imrplatform.imrs;

import java.util.Locale;

/** A text of the scale in both languages the platform speaks; Spanish readers get Spanish, everyone else English. */
public record Wording(String en, String es) {

    public String in(Locale locale) {
        return locale != null && "es".equals(locale.getLanguage()) ? es : en;
    }
}
