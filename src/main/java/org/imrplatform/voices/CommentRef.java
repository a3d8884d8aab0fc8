package org.imrplatform.voices;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One comment, named in pages and forms as its source and number ("survey-42"), which says nothing of its writer. */
record CommentRef(Source source, long id) {

    private static final Pattern FORM = Pattern.compile("(evaluation|survey)-([0-9]{1,18})");

    /** The comment a form names, or empty when the value is not a comment's name at all. */
    static Optional<CommentRef> parse(String value) {
        Matcher form = value == null ? null : FORM.matcher(value.strip());
        return form != null && form.matches()
                ? Optional.of(new CommentRef(Source.of(form.group(1)), Long.parseLong(form.group(2))))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return source.key + "-" + id;
    }
}
