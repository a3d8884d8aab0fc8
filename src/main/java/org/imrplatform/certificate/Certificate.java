package org.imrplatform.certificate;

import java.time.LocalDate;

/** What a certificate says. It is written once, when first issued, and never changes afterwards. */
public record Certificate(String code, String learnerName, String courseTitle, Integer hours, LocalDate completedOn) {
}
