package org.imrplatform.fidelity;

/** How a clinical reviewer saw the session. */
public enum SessionMode {
    LIVE, RECORDED
}
