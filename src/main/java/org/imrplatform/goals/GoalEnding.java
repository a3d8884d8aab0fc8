package org.imrplatform.goals;

/** What became of a recovery goal the participant replaced with a new one. */
enum GoalEnding {
    ACHIEVED, SET_ASIDE
}
