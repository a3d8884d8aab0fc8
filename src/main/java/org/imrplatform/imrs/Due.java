package org.imrplatform.imrs;

import java.time.LocalDate;

import org.imrplatform.participants.Participant;

/**
 * Whether a participant's next rating of one kind is due: the first when they join, then one three calendar months
 * after the last (rated on 15 January, due on 15 April; on 31 January, due on 30 April). A rating is due from that
 * day for a month, overdue after; a participant who finished or left is never due (docs/metrics.md).
 */
public record Due(ImrsKind kind, State state, LocalDate dueOn, LocalDate lastRatedOn) {

    public static final int MONTHS_BETWEEN = 3;

    public enum State {
        NOT_YET, DUE, OVERDUE, NOT_TAKING_PART
    }

    static Due of(ImrsKind kind, Participant participant, LocalDate lastRatedOn, LocalDate today) {
        if (!participant.active()) {
            return new Due(kind, State.NOT_TAKING_PART, null, lastRatedOn);
        }
        LocalDate dueOn = lastRatedOn == null ? participant.joinedOn() : lastRatedOn.plusMonths(MONTHS_BETWEEN);
        State state = today.isBefore(dueOn) ? State.NOT_YET
                : today.isBefore(dueOn.plusMonths(1)) ? State.DUE : State.OVERDUE;
        return new Due(kind, state, dueOn, lastRatedOn);
    }

    /** Due or overdue: a rating should be recorded now. */
    public boolean owed() {
        return state == State.DUE || state == State.OVERDUE;
    }
}
