package org.imrplatform.assessment;

/** A learner's standing on one knowledge check: their best score and whether any attempt passed. */
public record CheckResult(String moduleId, String slideId, int bestPercent, boolean passed, int attempts) {
}
