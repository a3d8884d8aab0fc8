package org.imrplatform.course;

import java.util.List;

/** Further reading: links and citations. */
public record ResourcesSlide(String id, String title, Html notes, Audio audio, Html intro, List<Link> links,
        List<Html> citations)
        implements Slide {

    public static final String KIND = "resources";

    public record Link(String title, String url, String description) {
    }

    @Override
    public String kind() {
        return KIND;
    }
}
