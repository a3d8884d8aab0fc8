package org.imrplatform.fidelity;

/**
 * What a program's records say about one item of the IMR Fidelity Scale for the review period: the figure in words
 * and the rating the scale's anchors give it. The reviewer still decides; the report notes where they differ.
 */
record RecordedFigure(String itemId, String text, int suggested) {
}
