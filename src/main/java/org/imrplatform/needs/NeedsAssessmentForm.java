package org.imrplatform.needs;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.imrplatform.shared.ReasonableDate;

/** The fields typed beside a needs assessment's file; messages are keys in messages.properties. */
public record NeedsAssessmentForm(
        @NotBlank(message = "{needs.title.required}") @Size(max = 300, message = "{event.title.long}") String title,
        @NotNull(message = "{needs.conductedOn.required}") @ReasonableDate LocalDate conductedOn) {

    static NeedsAssessmentForm empty() {
        return new NeedsAssessmentForm("", null);
    }
}
