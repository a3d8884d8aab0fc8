package org.imrplatform.overview;

import java.math.BigDecimal;

import org.imrplatform.practice.ImrGroup;
import org.imrplatform.shared.Share;

/**
 * How the people of one group are doing, as counts that identify nobody: who takes part, how many have a written
 * recovery goal and a relapse prevention plan, goal steps completed, and the mean change on the IMR Scale since each
 * person's first rating (client self-rating and clinician rating apart; null when nobody has two ratings yet).
 */
public record GroupOutcome(ImrGroup group, int participants, int active, int withGoal, int withPlan,
        int stepsCompleted, BigDecimal clientChange, int clientRated, BigDecimal clinicianChange,
        int clinicianRated) {

    public long goalShare() {
        return Share.percent(withGoal, participants);
    }

    public long planShare() {
        return Share.percent(withPlan, participants);
    }

    /** The change as the fidelity pages write one: signed, two decimals ("+0.50", "-0.25", "0.00"). */
    public String clientChangeText() {
        return signed(clientChange);
    }

    public String clinicianChangeText() {
        return signed(clinicianChange);
    }

    private static String signed(BigDecimal change) {
        return change == null ? null : (change.signum() > 0 ? "+" : "") + change.toPlainString();
    }
}
