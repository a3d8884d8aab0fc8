package org.imrplatform.practice;

/** An organization, or one of its locations, that runs IMR. */
public record Site(long id, String name) {
}
