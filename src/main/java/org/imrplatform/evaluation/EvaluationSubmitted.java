package org.imrplatform.evaluation;

/** A learner submitted the evaluation of a course: the course's satisfaction figures moved. */
public record EvaluationSubmitted(String courseId) {
}
