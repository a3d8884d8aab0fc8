package org.imrplatform.participants;

/** Where a participant stands in their group. */
public enum ParticipantStatus {
    ACTIVE, FINISHED, LEFT
}
