package org.imrplatform.imrs;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Where one participant stands on one kind of rating: how many ratings they have, the first and the latest that
 * have a mean (null when none has), and whether the next is due. For the figures built on the scale (a group's or
 * program's IMRS change, a facilitator's whole picture).
 */
public record ImrsProgress(long participantId, ImrsKind kind, int ratings, MeanOn first, MeanOn latest, Due due) {

    /** A rating's mean and its day. */
    public record MeanOn(LocalDate on, BigDecimal mean) {
    }

    /**
     * The change from the first mean to the latest (latest minus first; positive is better); null until there are
     * two ratings with a mean on different days.
     */
    public BigDecimal change() {
        return first == null || latest == null || !latest.on().isAfter(first.on()) ? null
                : latest.mean().subtract(first.mean());
    }
}
