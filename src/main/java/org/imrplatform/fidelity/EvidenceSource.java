package org.imrplatform.fidelity;

/** Where a reviewer's evidence came from. */
public enum EvidenceSource {
    CHART_REVIEW, INTERVIEW, OBSERVATION
}
