package org.imrplatform.imrs;

/** One answered item of a rating: its score 1 to 5, or no score when the item was marked not applicable. */
public record Answer(int item, Integer score) {

    public boolean notApplicable() {
        return score == null;
    }
}
