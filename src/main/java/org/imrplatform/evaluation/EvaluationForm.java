package org.imrplatform.evaluation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The course evaluation: overall quality on a 5-point scale (poor to excellent) and three statements rated from
 * strongly disagree (1) to strongly agree (5), plus comments. A draft may leave ratings empty; a submission may not.
 * When it was submitted is not part of the form: only the server sets that.
 */
public record EvaluationForm(
        @Min(value = 1, message = "{evaluation.rating.range}") @Max(value = 5, message = "{evaluation.rating.range}")
        Integer overallQuality,
        @Min(value = 1, message = "{evaluation.rating.range}") @Max(value = 5, message = "{evaluation.rating.range}")
        Integer recommend,
        @Min(value = 1, message = "{evaluation.rating.range}") @Max(value = 5, message = "{evaluation.rating.range}")
        Integer benefit,
        @Min(value = 1, message = "{evaluation.rating.range}") @Max(value = 5, message = "{evaluation.rating.range}")
        Integer useInPractice,
        @Size(max = 4000, message = "{evaluation.comments.long}") String comments) {

    /** The four rated items, in the order the form asks them; their names are the form fields. */
    static final String[] RATINGS = {"overallQuality", "recommend", "benefit", "useInPractice"};

    static EvaluationForm empty() {
        return new EvaluationForm(null, null, null, null, "");
    }

    Integer rating(String item) {
        return switch (item) {
            case "overallQuality" -> overallQuality;
            case "recommend" -> recommend;
            case "benefit" -> benefit;
            case "useInPractice" -> useInPractice;
            default -> throw new IllegalArgumentException(item);
        };
    }
}
