package org.imrplatform.events;

import java.time.LocalDate;

/** What anyone may know of an event: never its attendance, its audience or the people in it. */
public record PublicEvent(long id, String title, EventKind kind, EventFormat format, LocalDate startsOn,
        LocalDate endsOn, String area) {
}
