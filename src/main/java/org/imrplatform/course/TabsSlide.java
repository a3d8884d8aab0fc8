package org.imrplatform.course;

import java.util.List;

/** Click-to-reveal panels, such as the common elements of recovery. */
public record TabsSlide(String id, String title, Html notes, Audio audio, Html intro, List<Tab> tabs) implements Slide {

    public static final String KIND = "tabs";

    public record Tab(String label, Html body) {
    }

    @Override
    public String kind() {
        return KIND;
    }
}
