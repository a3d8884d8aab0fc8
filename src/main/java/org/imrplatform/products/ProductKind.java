package org.imrplatform.products;

/** What the center publishes. */
public enum ProductKind {
    COURSE, FACT_SHEET, WEBINAR_RECORDING, TOOLKIT
}
