package org.imrplatform.goals;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.imrplatform.shared.ReasonableDate;

/**
 * A recovery goal in the participant's words, the life area it touches and the day it was set; when it replaces a
 * current goal, what became of that one (checked by {@link GoalTracking}, which knows whether there is one).
 */
record GoalForm(
        @NotBlank(message = "{goals.goalText.required}") @Size(max = 1000, message = "{goals.goalText.long}")
        String goalText,
        @NotNull(message = "{goals.lifeArea.required}") LifeArea lifeArea,
        @NotNull(message = "{goals.setOn.required}") @ReasonableDate LocalDate setOn,
        GoalEnding earlierGoal) {

    static GoalForm empty() {
        return new GoalForm("", null, null, null);
    }
}
