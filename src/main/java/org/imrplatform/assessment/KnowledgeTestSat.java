package org.imrplatform.assessment;

import java.time.Instant;

/**
 * A learner's sitting of a course's knowledge test was stored (as {@code attemptId}); the attempt's slide id is the
 * sitting, {@link KnowledgeCheckRecords#BEFORE} or {@link KnowledgeCheckRecords#AFTER}. Announced once per sitting.
 */
public record KnowledgeTestSat(long accountId, String courseId, long attemptId, CheckAttempt attempt, Instant at) {
}
