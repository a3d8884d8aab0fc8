package org.imrplatform.events;

import java.time.LocalDate;

import org.imrplatform.account.Region;

/** An event the center offered, with the number of people recorded as attending. */
record OutreachEvent(long id, String title, EventKind kind, LocalDate startsOn, LocalDate endsOn, String area,
        EventFormat format, String audience, Region region, int attendees) {
}
