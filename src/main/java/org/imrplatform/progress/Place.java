package org.imrplatform.progress;

/** A slide in a course: where a learner is, or a slide they have seen. */
public record Place(String moduleId, String slideId) {
}
