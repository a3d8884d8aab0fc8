package org.imrplatform.goals;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.imrplatform.shared.ReasonableDate;

/** A short-term goal under the current recovery goal, with the day it should be reached by. */
record ShortTermGoalForm(
        @NotBlank(message = "{goals.shortTermText.required}") @Size(max = 500, message = "{goals.text.long}")
        String shortTermText,
        @NotNull(message = "{goals.targetOn.required}") @ReasonableDate LocalDate targetOn) {

    static ShortTermGoalForm empty() {
        return new ShortTermGoalForm("", null);
    }
}
