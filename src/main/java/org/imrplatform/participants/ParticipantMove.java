package org.imrplatform.participants;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.imrplatform.shared.ReasonableDate;

/** A participant moving to another group of their program, from a given day. */
record ParticipantMove(@NotNull(message = "{participant.group.required}") Long groupId,
        @NotNull(message = "{participant.movedOn.required}") @ReasonableDate LocalDate movedOn) {

    static ParticipantMove empty() {
        return new ParticipantMove(null, null);
    }
}
