package org.imrplatform.assessment;

import java.time.Instant;

/**
 * A learner's attempt at one of a course's knowledge checks was stored (as {@code attemptId}), with the options they
 * chose by position and how it was graded.
 */
public record CheckAnswered(long accountId, String courseId, long attemptId, CheckAttempt attempt, Instant at) {
}
