package org.imrplatform.relapse;

import java.time.LocalDate;
import java.util.List;

/**
 * A participant's relapse prevention plan, in their own words: what can set off their symptoms (triggers), the early
 * warning signs they watch for, the coping strategies that help them, what they will do when a sign appears, who
 * will help and how to reach them, and the day the plan is looked at again. Each list holds up to
 * {@link #MAX_ITEMS} items of up to {@link #MAX_LENGTH} characters; a plan has at least one sign and one action.
 */
public record RelapsePlan(List<String> triggers, List<String> warningSigns, List<String> copingStrategies,
        List<String> actions, List<String> supporters, LocalDate reviewOn) {

    public static final int MAX_ITEMS = 10;
    public static final int MAX_LENGTH = 200;

    public RelapsePlan {
        triggers = List.copyOf(triggers);
        warningSigns = List.copyOf(warningSigns);
        copingStrategies = List.copyOf(copingStrategies);
        actions = List.copyOf(actions);
        supporters = List.copyOf(supporters);
    }

    /** Whether the review day is behind us, so the plan is due to be looked at with the participant. */
    public boolean reviewPassed(LocalDate today) {
        return reviewOn.isBefore(today);
    }
}
