package org.imrplatform.needs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.imrplatform.imports.ContentKey;

/**
 * What makes two needs assessments the same one (docs/metrics.md): conducted on the same day, and with the same
 * title (case and spacing aside) or the same results (the same areas of focus with the same ranks and percents, in
 * any row order, spelling case or file format).
 */
record AssessmentIdentity(LocalDate conductedOn, String titleKey, String resultsKey) {

    /** An area's result as it is compared: its key (lower case), its rank and its percent, each possibly null. */
    record Result(String areaKey, Integer rank, BigDecimal percent) {

        private String line() {
            return areaKey + "\t" + Objects.toString(rank, "")
                    + "\t" + (percent == null ? "" : percent.stripTrailingZeros().toPlainString());
        }
    }

    static AssessmentIdentity of(LocalDate conductedOn, String title, List<Result> results) {
        String lines = results.stream().map(Result::line).sorted().collect(Collectors.joining("\n"));
        return new AssessmentIdentity(conductedOn, title.strip().replaceAll("(?U)\\s+", " ").toLowerCase(Locale.ROOT),
                ContentKey.of(lines));
    }

    /** Why this assessment is that one (a message key), or empty when they are different assessments. */
    Optional<String> sameAs(AssessmentIdentity other) {
        if (!conductedOn.equals(other.conductedOn)) {
            return Optional.empty();
        }
        if (titleKey.equals(other.titleKey)) {
            return Optional.of("needs.same.title");
        }
        return resultsKey.equals(other.resultsKey) ? Optional.of("needs.same.results") : Optional.empty();
    }
}
