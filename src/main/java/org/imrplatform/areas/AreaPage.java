package org.imrplatform.areas;

import java.time.LocalDate;

/**
 * An area of focus's public page as the center edits it (table area_page). {@code nameEs} is the area's name in
 * Spanish, empty when the center gave none. Texts are Markdown; an empty Spanish text
 * means the English one is shown. Contact details are null when the center gave none.
 *
 * @param periodTo the last day of the figures' period, or null for "until today"
 * @param revision how many times the page was saved: a form is saved only over the revision it was made from
 */
record AreaPage(String slug, String area, String nameEs, String centerTextEn, String centerTextEs, String focusEn, String focusEs,
        String email, String phone, String website, String place, LocalDate periodFrom, LocalDate periodTo,
        int revision) {

    /**
     * The last day of the period as known on the given day: never after it, so a period the center planned to end
     * later shows no product released, and counts nothing dated, after today.
     */
    LocalDate periodEnd(LocalDate today) {
        return periodTo == null || periodTo.isAfter(today) ? today : periodTo;
    }
}
