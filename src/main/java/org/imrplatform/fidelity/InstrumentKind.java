package org.imrplatform.fidelity;

/** What an instrument rates: a whole program's structure, or one facilitator's work in one observed session. */
public enum InstrumentKind {
    PROGRAMMATIC, CLINICAL
}
