package org.imrplatform.goals;

import java.time.LocalDate;
import java.util.List;

/** A long-term recovery goal as the participant put it, with its short-term goals; current while not ended. */
record RecoveryGoal(long id, String text, LifeArea lifeArea, LocalDate setOn, GoalEnding ending, LocalDate endedOn,
        List<ShortTermGoal> shortTermGoals) {

    public boolean current() {
        return ending == null;
    }

    /** A smaller goal on the way, to be reached by a target date, broken into steps. */
    record ShortTermGoal(long id, String text, LocalDate targetOn, List<Step> steps) {
    }

    /**
     * A concrete step; {@code lastProgress} is what its latest follow-up found (null before any), and a step found
     * done is completed on that follow-up's day.
     */
    record Step(long id, String text, LocalDate completedOn, StepProgress lastProgress) {

        public boolean open() {
            return completedOn == null;
        }

        /** Message key of where the step stands. */
        public String statusKey() {
            return lastProgress == null ? "goals.step.notStarted" : "goals.progress." + lastProgress;
        }
    }
}
