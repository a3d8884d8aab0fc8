package org.imrplatform.shared;

/**
 * A part of a whole as a whole percent, rounded half up (2 of 7 is 29%, 1 of 8 is 13%), as docs/metrics.md defines
 * it: the outcome pages, exports and summary, and the Practice figures all take their percentages from here, so they
 * agree.
 */
public final class Share {

    private Share() {
    }

    /** The percent, or 0 when there is no whole; integer arithmetic, so no floating-point tie is rounded away. */
    public static long percent(long part, long whole) {
        return whole == 0 ? 0 : (200 * part + whole) / (2 * whole);
    }
}
