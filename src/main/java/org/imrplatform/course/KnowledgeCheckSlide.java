package org.imrplatform.course;

import java.util.List;
import java.util.Set;

/** Single- and multiple-choice questions with feedback for every option. */
public record KnowledgeCheckSlide(String id, String title, Html notes, Audio audio, Html intro, int passPercent,
        List<Question> questions) implements Slide {

    public static final String KIND = "knowledge-check";

    @Override
    public String kind() {
        return KIND;
    }

    public record Question(String id, boolean multiple, Html prompt, List<Option> options) {

        /** A question is answered correctly when exactly the correct options are chosen (by position). */
        public boolean isAnsweredBy(Set<Integer> chosen) {
            for (int i = 0; i < options.size(); i++) {
                if (options.get(i).correct() != chosen.contains(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    public record Option(Html text, boolean correct, Html feedback) {
    }
}
