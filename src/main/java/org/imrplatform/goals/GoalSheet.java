package org.imrplatform.goals;

import java.util.List;

import org.imrplatform.participants.Participant;

/**
 * A participant's goal tracking sheet: their goals, newest first (the first one current unless it ended), and every
 * follow-up, newest first. The page, the printed sheet and the participant's workbook show the same (the template
 * fragment goals/sheet-facts :: facts(sheet)).
 */
public record GoalSheet(Participant participant, List<RecoveryGoal> goals, List<FollowUp> followUps) {

    /** The goal being worked on; null when none was set or the last one ended. */
    public RecoveryGoal currentGoal() {
        return goals.isEmpty() || !goals.getFirst().current() ? null : goals.getFirst();
    }

    public List<RecoveryGoal> earlierGoals() {
        return goals.stream().filter(goal -> !goal.current()).toList();
    }

    /** The steps of the current goal not done yet: the ones a follow-up is for. */
    public List<RecoveryGoal.Step> openSteps() {
        RecoveryGoal current = currentGoal();
        return current == null ? List.of() : current.shortTermGoals().stream()
                .flatMap(goal -> goal.steps().stream()).filter(RecoveryGoal.Step::open).toList();
    }

    /** The step the next follow-up is about: the one the last follow-up named next, else the first open step. */
    public Long currentStepId() {
        List<Long> open = openSteps().stream().map(RecoveryGoal.Step::id).toList();
        return followUps.stream().map(FollowUp::nextStepId).filter(open::contains).findFirst()
                .orElse(open.isEmpty() ? null : open.getFirst());
    }
}
