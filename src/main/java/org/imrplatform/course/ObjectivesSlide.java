package org.imrplatform.course;

/** Shows the module's objectives (kept once, in the module file) with an optional introduction. */
public record ObjectivesSlide(String id, String title, Html notes, Audio audio, Html intro) implements Slide {

    public static final String KIND = "objectives";

    @Override
    public String kind() {
        return KIND;
    }
}
