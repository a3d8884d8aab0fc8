package org.imrplatform.goals;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.imrplatform.shared.ReasonableDate;

/**
 * A goal follow-up: the day, the step followed up, what happened, an optional note, and the next step. A next step
 * typed here is added under the same short-term goal; left empty, a step not done stays the next one.
 */
record FollowUpForm(
        @NotNull(message = "{goals.followedOn.required}") @ReasonableDate LocalDate followedOn,
        @NotNull(message = "{goals.stepId.required}") Long stepId,
        @NotNull(message = "{goals.progress.required}") StepProgress progress,
        @Size(max = 500, message = "{goals.note.long}") String note,
        @Size(max = 500, message = "{goals.text.long}") String nextStep) {

    static FollowUpForm startingWith(LocalDate day, Long stepId) {
        return new FollowUpForm(day, stepId, null, "", "");
    }
}
