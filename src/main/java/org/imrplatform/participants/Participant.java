package org.imrplatform.participants;

import java.time.LocalDate;

/**
 * A person taking part in an IMR group, known by the program's code. {@code id} stays inside the server (other
 * modules key their rows by it); {@code publicId} is the only thing that goes into an address.
 */
public record Participant(long id, String publicId, long programId, long groupId, String code, String initials,
        LocalDate consentOn, LocalDate joinedOn, ParticipantStatus status, LocalDate endedOn, String endReason) {

    public boolean active() {
        return status == ParticipantStatus.ACTIVE;
    }

    /** Taking part at some time in the period (both days included): joined by its end, not ended before its start. */
    public boolean takingPartBetween(LocalDate from, LocalDate to) {
        return !joinedOn.isAfter(to) && (endedOn == null || !endedOn.isBefore(from));
    }

    /** How the record is named on pages and printouts: the code, and the initials when the program keeps them. */
    public String label() {
        return initials == null ? code : code + " (" + initials + ")";
    }
}
