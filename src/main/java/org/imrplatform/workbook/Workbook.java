package org.imrplatform.workbook;

import java.time.LocalDate;

import org.imrplatform.goals.GoalSheet;
import org.imrplatform.relapse.PlanVersion;

/**
 * What a participant's workbook prints, in the language chosen for them: their code (never their initials), the day
 * printed, the week's home assignment, their goal tracking sheet and their current relapse prevention plan (null
 * before one is written).
 */
record Workbook(String code, LocalDate printedOn, HomeAssignment homeAssignment, GoalSheet goals, PlanVersion plan) {

    /**
     * The home assignment of the group's latest session on or before the day printed: the session's day, its IMR
     * module (number and title) and what was given, null when nothing was; the whole assignment is null when the
     * group has held no session yet.
     */
    record HomeAssignment(LocalDate givenOn, int module, String moduleTitle, String text) {
    }
}
