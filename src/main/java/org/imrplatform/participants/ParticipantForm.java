package org.imrplatform.participants;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.imrplatform.shared.ReasonableDate;

/**
 * A new participant: the program's code for them (letters, digits, dashes; never a name or record number is asked
 * for), optional initials, the day they consented and the day they joined. Messages are keys in messages.properties.
 */
record ParticipantForm(
        @NotBlank(message = "{participant.code.required}") @Size(max = 40, message = "{participant.code.long}")
        @Pattern(regexp = "\\s*[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]*\\s*", message = "{participant.code.shape}")
        String code,
        @Size(max = 4, message = "{participant.initials.long}")
        @Pattern(regexp = "\\s*\\p{L}*\\s*", message = "{participant.initials.shape}") String initials,
        @NotNull(message = "{participant.consentOn.required}") @ReasonableDate LocalDate consentOn,
        @NotNull(message = "{participant.joinedOn.required}") @ReasonableDate LocalDate joinedOn) {

    static ParticipantForm empty() {
        return new ParticipantForm("", "", null, null);
    }
}
