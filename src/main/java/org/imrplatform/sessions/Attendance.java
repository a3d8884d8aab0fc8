package org.imrplatform.sessions;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How many sessions a participant attended and for how many minutes in all. */
public record Attendance(int sessions, int minutes) {

    public static final Attendance NONE = new Attendance(0, 0);

    /** The minutes as hours with one decimal (90 minutes are 1.5 hours). */
    public BigDecimal hours() {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }
}
