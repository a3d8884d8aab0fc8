package org.imrplatform.evaluation;

import java.time.Instant;

/** A learner submitted the evaluation of a course (the answers stay here): the course's satisfaction figures moved. */
public record EvaluationSubmitted(long accountId, String courseId, Instant at) {
}
