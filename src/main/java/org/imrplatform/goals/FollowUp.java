package org.imrplatform.goals;

import java.time.LocalDate;

/** A goal follow-up: on a day, what happened with a step, and which step comes next (none once a step is done). */
record FollowUp(LocalDate followedOn, long stepId, String stepText, StepProgress progress, String note,
        Long nextStepId, String nextStepText) {
}
