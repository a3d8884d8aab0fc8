package org.imrplatform.certificate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** What a certificate says. It is written once, when first issued, and never changes afterwards. */
public record Certificate(String code, String learnerName, String courseTitle, Integer hours, LocalDate completedOn) {

    /** The completion date as the certificate's page, its PDF and the verification page all write it. */
    public String completedOnWritten(Locale locale) {
        return completedOn.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }
}
