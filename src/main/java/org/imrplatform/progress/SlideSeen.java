package org.imrplatform.progress;

/** A learner saw a slide of a course for the first time. */
public record SlideSeen(long accountId, String courseId) {
}
