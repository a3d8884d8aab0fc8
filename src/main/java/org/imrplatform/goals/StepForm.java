package org.imrplatform.goals;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A step toward one of the current goal's short-term goals. */
record StepForm(
        @NotNull(message = "{goals.shortTermGoalId.required}") Long shortTermGoalId,
        @NotBlank(message = "{goals.stepText.required}") @Size(max = 500, message = "{goals.text.long}")
        String stepText) {

    static StepForm empty() {
        return new StepForm(null, "");
    }
}
