package org.imrplatform.assessment;

/** A learner's attempt at one of a course's knowledge checks was stored. */
public record CheckAnswered(long accountId, String courseId) {
}
