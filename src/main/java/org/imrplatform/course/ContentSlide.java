package org.imrplatform.course;

/** Rich text, optionally with one image. {@code image} is null when there is none. */
public record ContentSlide(String id, String title, Html notes, Audio audio, Html body, Image image) implements Slide {

    public static final String KIND = "content";

    @Override
    public String kind() {
        return KIND;
    }
}
