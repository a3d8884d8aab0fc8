package org.imrplatform.overview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

import org.imrplatform.imrs.ImrsKind;
import org.imrplatform.imrs.ImrsProgress;

/**
 * The mean change on the IMR Scale since each person's first rating, over the people with two rated means of one kind
 * (self-rating or clinician rating, never mixed): two decimals, half up; {@code mean} is null when nobody has two.
 */
public record ImrsChange(BigDecimal mean, int people) {

    static ImrsChange of(List<ImrsProgress> progress, ImrsKind kind) {
        List<BigDecimal> changes = progress.stream().filter(p -> p.kind() == kind).map(ImrsProgress::change)
                .filter(Objects::nonNull).toList();
        if (changes.isEmpty()) {
            return new ImrsChange(null, 0);
        }
        return new ImrsChange(changes.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(changes.size()), 2, RoundingMode.HALF_UP), changes.size());
    }

    /** As the fidelity pages write a change: signed, two decimals ("+0.50", "-0.25", "0.00"); null when none. */
    public String text() {
        return mean == null ? null : (mean.signum() > 0 ? "+" : "") + mean.toPlainString();
    }
}
