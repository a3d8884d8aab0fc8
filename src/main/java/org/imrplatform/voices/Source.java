package org.imrplatform.voices;

/** Where a comment was written: a course evaluation or a post-event survey. */
enum Source {

    EVALUATION("evaluation"), SURVEY("survey");

    /** How the source is stored and named in forms. */
    final String key;

    Source(String key) {
        this.key = key;
    }

    static Source of(String key) {
        for (Source source : values()) {
            if (source.key.equals(key)) {
                return source;
            }
        }
        throw new IllegalArgumentException("No comment source " + key);
    }
}
