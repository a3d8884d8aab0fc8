package org.imrplatform.imrs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What a rating adds up to: the mean of the items answered with a score, rounded to two decimals (half up). Items
 * marked not applicable and items left unanswered are left out of the sum and the count. With fewer than
 * {@link #MINIMUM_ANSWERED} scored items there is no mean (docs/metrics.md): so few answers say too little, and a
 * mean of them would not compare with a full rating's.
 */
public record ImrsScore(int answered, int notApplicable, BigDecimal mean) {

    public static final int MINIMUM_ANSWERED = 10;

    static ImrsScore of(List<Answer> answers) {
        List<Integer> scores = answers.stream().filter(a -> !a.notApplicable()).map(Answer::score).toList();
        return of(scores.size(), scores.stream().mapToInt(Integer::intValue).sum(), answers.size() - scores.size());
    }

    /** The score of a rating from its number of scored items and their sum (as the database adds them up). */
    static ImrsScore of(int scored, int sum, int notApplicable) {
        if (scored < MINIMUM_ANSWERED) {
            return new ImrsScore(scored, notApplicable, null);
        }
        return new ImrsScore(scored, notApplicable,
                BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(scored), 2, RoundingMode.HALF_UP));
    }

    public boolean hasMean() {
        return mean != null;
    }
}
