package org.imrplatform.fidelity;

/** A reviewer's answer to one item: a rating, or not applicable (optional items only), and evidence notes. */
record ItemRating(Integer rating, boolean notApplicable, String notes) {
}
