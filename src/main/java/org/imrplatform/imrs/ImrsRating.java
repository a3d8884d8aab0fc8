package org.imrplatform.imrs;

import java.time.LocalDate;
import java.util.List;

/** A client self-rating or clinician rating of one participant on one day, on the scale version it used. */
public record ImrsRating(long participantId, ImrsKind kind, String scaleId, int scaleVersion, LocalDate ratedOn,
        List<Answer> answers) {

    public ImrsScore score() {
        return ImrsScore.of(answers);
    }

    /** The item's answer, or null when it was left unanswered. */
    public Answer answer(int item) {
        return answers.stream().filter(a -> a.item() == item).findFirst().orElse(null);
    }
}
