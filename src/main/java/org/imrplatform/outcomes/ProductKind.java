package org.imrplatform.outcomes;

/** What the center publishes. */
public enum ProductKind {
    COURSE, FACT_SHEET, WEBINAR_RECORDING, TOOLKIT
}
