package org.imrplatform.course;

/**
 * A slide's narration: an audio file of the package, played only when the learner asks. {@code url} points at the
 * stored package version, {@code type} is its media type for the player, {@code title} names it (null: the player's
 * own words).
 */
public record Audio(String url, String type, String title) {
}
