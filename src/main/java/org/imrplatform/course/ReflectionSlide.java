package org.imrplatform.course;

import java.util.List;

/** A prompt the learner answers privately, then compares with what earlier learners said. */
public record ReflectionSlide(String id, String title, Html notes, Audio audio, Html prompt, List<String> others)
        implements Slide {

    public static final String KIND = "reflection";

    @Override
    public String kind() {
        return KIND;
    }
}
