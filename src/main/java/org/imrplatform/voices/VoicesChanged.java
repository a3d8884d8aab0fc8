package org.imrplatform.voices;

/**
 * A comment of this area of focus was published or un-published: pages showing the area's voices are out of date.
 * Published in the transaction that makes the change. {@code area} is as its course or event names it, empty when
 * the comment's course states no area.
 */
public record VoicesChanged(String area) {
}
