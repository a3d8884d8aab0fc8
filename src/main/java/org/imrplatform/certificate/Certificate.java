package org.imrplatform.certificate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.imrplatform.course.Course;

/** What a certificate says. It is written once, when first issued, and never changes afterwards. */
public record Certificate(String code, String learnerName, String courseTitle, Integer hours, LocalDate completedOn) {

    /**
     * The certificate for a reader of another language: the course's title in that language, as long as the course
     * still bears the title the certificate was issued under (a later version may rename it; the certificate keeps
     * what it said).
     */
    public Certificate readIn(Course original, Course translated) {
        return courseTitle.equals(original.title())
                ? new Certificate(code, learnerName, translated.title(), hours, completedOn) : this;
    }

    /** The completion date as the certificate's page, its PDF and the verification page all write it. */
    public String completedOnWritten(Locale locale) {
        return completedOn.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }
}
