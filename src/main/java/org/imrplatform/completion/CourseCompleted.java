package org.imrplatform.completion;

import java.time.Instant;

/** A learner met a course's completion rule for the first time, at that moment. */
public record CourseCompleted(long accountId, String courseId, Instant completedAt) {
}
