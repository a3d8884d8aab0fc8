package org.imrplatform.needs;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.imrplatform.shared.ReasonableDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The fields typed beside a needs assessment's file; messages are keys in messages.properties. The date is written
 * back as year-month-day, the one form a date field shows, so that the form shown again under a preview keeps it.
 */
public record NeedsAssessmentForm(
        @NotBlank(message = "{needs.title.required}") @Size(max = 300, message = "{event.title.long}") String title,
        @NotNull(message = "{needs.conductedOn.required}") @ReasonableDate
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate conductedOn) {

    static NeedsAssessmentForm empty() {
        return new NeedsAssessmentForm("", null);
    }

    /**
     * The fields as the previewed file's subject, for its confirmation to use what was previewed: the date (always
     * ten characters, as a reasonable date is written), a space and the title.
     */
    String subject() {
        return conductedOn + " " + title.strip();
    }

    static NeedsAssessmentForm ofSubject(String subject) {
        return new NeedsAssessmentForm(subject.substring(11), LocalDate.parse(subject.substring(0, 10)));
    }
}
