package org.imrplatform.products;

import java.time.LocalDate;

/**
 * A product in the catalog.
 *
 * @param description what it is, in a few lines, or null
 * @param link where it is (an http or https address), or null
 * @param eventId the event it comes from (a recording, a training's materials), or null
 */
public record Product(long id, String title, ProductKind kind, String area, LocalDate releasedOn, String description,
        String link, Long eventId) {
}
