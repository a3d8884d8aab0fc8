package org.imrplatform.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Scores checked against sums worked out by hand, and the bands at their exact edges. */
class FidelityScoringTest {

    private final Instruments instruments = new Instruments("instruments");
    private final Instrument scale = instruments.require("imr-fidelity-scale", 1);
    private final Instrument itis = instruments.require("it-is", 1);

    @Test
    void theMeanOfThirteenRatingsIsRoundedToTwoDecimals() {
        // 5+4+3+4+2+5+4+3+4+4+2+3+4 = 47; 47 / 13 = 3.6153... -> 3.62, moderate
        ReviewScore score = ReviewScore.of(scale, ratings(scale, 5, 4, 3, 4, 2, 5, 4, 3, 4, 4, 2, 3, 4));
        assertThat(score.total()).isEqualTo(47);
        assertThat(score.rated()).isEqualTo(13);
        assertThat(score.mean()).isEqualByComparingTo("3.62");
        assertThat(score.band().id()).isEqualTo("moderate");
    }

    @Test
    void unratedItemsAreLeftOutOfTheMean() {
        // Three optional IT-IS items not applicable: 13 rated, 4*10 + 5*3 = 55; 55 / 13 = 4.2307... -> 4.23
        Map<String, Integer> ratings = ratings(itis, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5);
        ReviewScore score = ReviewScore.of(itis, ratings);
        assertThat(score.total()).isEqualTo(55);
        assertThat(score.rated()).isEqualTo(13);
        assertThat(score.mean()).isEqualByComparingTo("4.23");
        assertThat(score.band().label()).isEqualTo("Very good");
        // A draft with two of thirteen ratings: (2 + 1) / 2 = 1.5
        ReviewScore draft = ReviewScore.of(scale, ratings(scale, 2, 1));
        assertThat(draft.mean()).isEqualByComparingTo("1.50");
        assertThat(draft.band().id()).isEqualTo("low");
        assertThat(ReviewScore.of(scale, Map.of()).mean()).isNull();
    }

    @Test
    void bandsStartExactlyAtTheirBoundary() {
        assertThat(scale.band(new BigDecimal("4.00")).id()).isEqualTo("high");
        assertThat(scale.band(new BigDecimal("3.99")).id()).isEqualTo("moderate");
        assertThat(scale.band(new BigDecimal("3.0")).id()).isEqualTo("moderate");
        assertThat(scale.band(new BigDecimal("2.99")).id()).isEqualTo("low");
        assertThat(scale.band(new BigDecimal("1")).id()).isEqualTo("low");
        assertThat(scale.band(new BigDecimal("5")).id()).isEqualTo("high");
        assertThat(itis.band(new BigDecimal("5.00")).id()).isEqualTo("excellent");
        assertThat(itis.band(new BigDecimal("4.99")).id()).isEqualTo("very-good");
        assertThat(itis.band(new BigDecimal("1.99")).id()).isEqualTo("unsatisfactory");
        assertThat(itis.band(new BigDecimal("2.00")).id()).isEqualTo("needs-improvement");
    }

    @Test
    void thirteenRatingsEitherSideOfTheBoundaries() {
        // twelve 4s and one 3: 51 / 13 = 3.923 -> 3.92, moderate
        assertThat(ReviewScore.of(scale, ratings(scale, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3)).band().id())
                .isEqualTo("moderate");
        // thirteen 4s: 52 / 13 = 4.00 -> high
        assertThat(ReviewScore.of(scale, ratings(scale, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4)).band().id())
                .isEqualTo("high");
        // 39 / 13 = 3.00 -> moderate; 38 / 13 = 2.923 -> 2.92, low
        assertThat(ReviewScore.of(scale, ratings(scale, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3)).band().id())
                .isEqualTo("moderate");
        ReviewScore low = ReviewScore.of(scale, ratings(scale, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2));
        assertThat(low.mean()).isEqualByComparingTo("2.92");
        assertThat(low.band().id()).isEqualTo("low");
    }

    /** The given ratings for the instrument's first items, in order. */
    private static Map<String, Integer> ratings(Instrument instrument, int... values) {
        Map<String, Integer> ratings = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            ratings.put(instrument.items().get(i).id(), values[i]);
        }
        return ratings;
    }
}
