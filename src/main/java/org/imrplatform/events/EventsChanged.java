package org.imrplatform.events;

/** An event of the area was recorded, or attendance or survey answers were imported for one. */
public record EventsChanged(String area) {
}
