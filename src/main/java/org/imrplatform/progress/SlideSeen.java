package org.imrplatform.progress;

import java.time.Instant;

/** A learner saw a slide of a course for the first time, at that moment; announced once the view is committed. */
public record SlideSeen(long accountId, String courseId, String moduleId, String slideId, Instant at) {
}
