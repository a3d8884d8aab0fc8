package org.imrplatform.fidelity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The score of a review: the total of the rated items, how many were rated, their mean (rounded to two decimals,
 * half up) and the band of that rounded mean, so the figure shown and the band never disagree. Items not rated
 * (optional items marked not applicable) are left out of the mean. {@code mean} and {@code band} are null when
 * nothing is rated.
 */
public record ReviewScore(int total, int rated, BigDecimal mean, FidelityBand band) {

    public static ReviewScore of(Instrument instrument, Map<String, Integer> ratings) {
        int total = 0;
        int rated = 0;
        for (InstrumentItem item : instrument.items()) {
            Integer rating = ratings.get(item.id());
            if (rating != null) {
                total += rating;
                rated++;
            }
        }
        if (rated == 0) {
            return new ReviewScore(0, 0, null, null);
        }
        BigDecimal mean = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(rated), 2, RoundingMode.HALF_UP);
        return new ReviewScore(total, rated, mean, instrument.band(mean));
    }

    /**
     * The mean as the report page and its PDF print it, with both decimals (4.00, never "4" as a message argument
     * would format it), or null when nothing is rated.
     */
    public String meanText() {
        return mean == null ? null : mean.toPlainString();
    }
}
