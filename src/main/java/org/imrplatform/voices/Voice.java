package org.imrplatform.voices;

/** A comment from the field as a public page shows it: its words only, never who wrote them. */
public record Voice(String text) {
}
