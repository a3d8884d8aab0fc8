package org.imrplatform.overview;

import java.time.LocalDate;

/** One course of the catalog as a facilitator stands in it: when they completed it and their certificate's code. */
public record Training(String courseTitle, LocalDate completedOn, String certificateCode) {
}
