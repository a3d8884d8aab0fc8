package org.imrplatform.course;

/** An image from the course package; {@code url} points at the stored package version. */
public record Image(String url, String alt) {
}
