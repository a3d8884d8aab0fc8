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
        int notApplicable = answers.size() - scores.size();
        if (scores.size() < MINIMUM_ANSWERED) {
            return new ImrsScore(scores.size(), notApplicable, null);
        }
        int sum = scores.stream().mapToInt(Integer::intValue).sum();
        return new ImrsScore(scores.size(), notApplicable,
                BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP));
    }

    public boolean hasMean() {
        return mean != null;
    }
}
