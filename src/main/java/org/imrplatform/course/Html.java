package org.imrplatform.course;

/** HTML produced from a course's Markdown: raw HTML in the source is escaped, so this is safe to emit unescaped. */
public record Html(String value) {

    public static final Html EMPTY = new Html("");

    public boolean isEmpty() {
        return value.isBlank();
    }

    @Override
    public String toString() {
        return value;
    }
}
