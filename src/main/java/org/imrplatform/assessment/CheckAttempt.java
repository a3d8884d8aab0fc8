package org.imrplatform.assessment;

import java.util.List;

/** A graded knowledge-check submission, item by item. */
public record CheckAttempt(String moduleId, String slideId, List<ItemAnswer> answers, int percent, boolean passed) {

    /** The options chosen for one question (by position) and whether that was right. */
    public record ItemAnswer(String questionId, List<Integer> chosen, boolean correct) {
    }

    public int correctCount() {
        return (int) answers.stream().filter(ItemAnswer::correct).count();
    }
}
