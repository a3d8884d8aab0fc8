package org.imrplatform.sessions;

/** The parts of an IMR session's agenda a facilitator ticks as covered, in the order a session usually runs. */
public enum AgendaPart {
    LAST_SESSION_REVIEW, HOME_PRACTICE_REVIEW, GOAL_FOLLOW_UP, NEW_MATERIAL, PRACTICE, SUMMARY, NEXT_ASSIGNMENT
}
