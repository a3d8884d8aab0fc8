package org.imrplatform.overview;

import java.math.BigDecimal;

import org.imrplatform.practice.ImrGroup;
import org.imrplatform.shared.Share;

/**
 * How the people of one group are doing, as counts that identify nobody: who takes part, the sessions held and the
 * hours each participant attended on average, how many have a written
 * recovery goal and a relapse prevention plan, goal steps completed, and the IMR Scale change since the first rating.
 */
public record GroupOutcome(ImrGroup group, int participants, int active, int sessionsHeld, BigDecimal meanHours,
        int withGoal, int withPlan, int stepsCompleted, ImrsChange client, ImrsChange clinician) {

    public long goalShare() {
        return Share.percent(withGoal, participants);
    }

    public long planShare() {
        return Share.percent(withPlan, participants);
    }
}
