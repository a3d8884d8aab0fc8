package org.imrplatform.certificate;

import java.time.LocalDate;

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
}
