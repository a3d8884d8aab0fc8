package org.imrplatform.imrs;

/** The two parallel versions of the scale: the participant rates themself, or their clinician rates them. */
public enum ImrsKind {
    CLIENT, CLINICIAN
}
