package org.imrplatform.voices;

import java.time.LocalDate;

/**
 * A comment as the administrator reads it: what it is about (a course or an event), its date, its area, its words,
 * and the language it is published in (null when it is not). Never who wrote it.
 */
record FieldComment(CommentRef ref, String about, LocalDate date, String area, String text, String publishedIn) {

    boolean isPublished() {
        return publishedIn != null;
    }
}
