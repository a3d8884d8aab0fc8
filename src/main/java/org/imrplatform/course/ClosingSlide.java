package org.imrplatform.course;

/** The last words of a module. */
public record ClosingSlide(String id, String title, Html notes, Audio audio, Html body) implements Slide {

    public static final String KIND = "closing";

    @Override
    public String kind() {
        return KIND;
    }
}
