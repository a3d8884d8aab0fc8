package org.imrplatform.events;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.imrplatform.account.Region;
import org.imrplatform.shared.ReasonableDate;

/** What an administrator records about an event; messages are keys in messages.properties. */
public record EventForm(
        @NotBlank(message = "{event.title.required}") @Size(max = 300, message = "{event.title.long}") String title,
        @NotNull(message = "{event.kind.required}") EventKind kind,
        @NotNull(message = "{event.startsOn.required}") @ReasonableDate LocalDate startsOn,
        @NotNull(message = "{event.endsOn.required}") @ReasonableDate LocalDate endsOn,
        @NotBlank(message = "{event.area.required}") @Size(max = 100, message = "{event.area.long}") String area,
        @NotNull(message = "{event.format.required}") EventFormat format,
        @NotBlank(message = "{event.audience.required}") @Size(max = 200, message = "{event.audience.long}")
        String audience,
        @NotNull(message = "{event.region.required}") Region region) {

    static EventForm empty() {
        return new EventForm("", null, null, null, "Illness Management and Recovery", null, "", null);
    }

    boolean endsBeforeItStarts() {
        return startsOn != null && endsOn != null && endsOn.isBefore(startsOn);
    }
}
