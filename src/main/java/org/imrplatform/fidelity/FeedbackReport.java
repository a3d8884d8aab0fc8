package org.imrplatform.fidelity;

import java.util.List;

/**
 * What a review found, item by item, for the web page and the PDF: the score and band, the strengths (items rated
 * at or above the instrument's target) and the items to develop, each with the instrument's suggestion.
 */
record FeedbackReport(FidelityReview review, Instrument instrument, ReviewScore score, String programLabel,
        String groupName, String facilitatorName, List<ItemResult> items) {

    record ItemResult(InstrumentItem item, Integer rating, boolean notApplicable, String notes) {

        /** The anchor text of the rating given, or null when the item was not rated. */
        public String anchor() {
            return rating == null ? null : item.anchor(rating);
        }
    }

    public List<ItemResult> strengths() {
        return items.stream().filter(i -> i.rating() != null && i.rating() >= instrument.target()).toList();
    }

    public List<ItemResult> toDevelop() {
        return items.stream().filter(i -> i.rating() != null && i.rating() < instrument.target()).toList();
    }

    /** What was reviewed, in one line: the program, or the group and facilitator of a session. */
    public String subject() {
        return groupName == null ? programLabel : programLabel + " · " + groupName + " · " + facilitatorName;
    }
}
