package org.imrplatform.goals;

/** What happened with a step since the last follow-up. */
enum StepProgress {
    DONE, PARTLY, NOT_YET
}
