package org.imrplatform.participants;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.imrplatform.shared.ReasonableDate;

/** A participant finishing the program or leaving it: which, on what day, and why (optional). */
record ParticipantEnding(@NotNull(message = "{participant.status.required}") ParticipantStatus status,
        @NotNull(message = "{participant.endedOn.required}") @ReasonableDate LocalDate endedOn,
        @Size(max = 500, message = "{participant.reason.long}") String reason) {

    static ParticipantEnding empty() {
        return new ParticipantEnding(null, null, "");
    }
}
