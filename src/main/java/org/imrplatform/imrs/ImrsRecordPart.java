package org.imrplatform.imrs;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.imrplatform.participants.Participant;
import org.imrplatform.participants.RecordPart;
import org.springframework.stereotype.Component;

/** The participant's IMR Scale ratings in their exported record: day, kind, mean and every item's answer. */
@Component
class ImrsRecordPart implements RecordPart {

    private final RatingStore store;

    ImrsRecordPart(RatingStore store) {
        this.store = store;
    }

    @Override
    public String headingKey() {
        return "imrs.record.heading";
    }

    @Override
    public List<Entry> entries(Participant participant) {
        return store.of(List.of(participant.id())).stream()
                .map(r -> new Entry("imrs.kind." + r.kind(), r.ratedOn(), text(r))).toList();
    }

    /** "Mean 3.45 (11 items scored); items 1-15: 4 3 5 ... n/a -" in the export's plain words. */
    static String text(ImrsRating rating) {
        ImrsScore score = rating.score();
        String mean = score.hasMean() ? "Mean " + score.mean().toPlainString()
                : "No mean (fewer than " + ImrsScore.MINIMUM_ANSWERED + " items scored)";
        String items = IntStream.rangeClosed(1, ScaleVersion.ITEMS).mapToObj(rating::answer)
                .map(a -> a == null ? "-" : a.notApplicable() ? "n/a" : String.valueOf(a.score()))
                .collect(Collectors.joining(" "));
        return mean + " (" + score.answered() + " items scored); items 1-" + ScaleVersion.ITEMS + ": " + items
                + "; " + rating.scaleId() + " version " + rating.scaleVersion();
    }
}
