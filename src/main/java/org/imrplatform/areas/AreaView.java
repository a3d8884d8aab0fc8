package org.imrplatform.areas;

import java.time.LocalDate;
import java.util.List;

import org.imrplatform.events.PublicEvent;
import org.imrplatform.outcomes.AreaOutcomes;
import org.imrplatform.products.Product;

/**
 * Everything an area's public page and its PDF show, in one language, as of one day: built once and then served from
 * memory (see {@link AreaViews}). Only what the public may see: no attendance, no people, no names.
 *
 * @param periodTo the period's last day as asked, or null for "until today"
 * @param upcoming the area's events that have not ended, soonest first
 * @param past the area's events of the period that have ended, latest first, with the products that came from them
 * @param voices quotes from the field the center chose for this language, without names
 */
record AreaView(String slug, String area, AreaName name, String centerName, AreaText centerText, AreaText focus,
        AreaOutcomes.Figures figures, LocalDate periodTo, List<Product> products, List<PublicEvent> upcoming,
        List<PastEvent> past, List<String> voices, Contact contact, LocalDate computedOn, String address) {

    /** The area's name as the page is read: in Spanish when the center gave one, else as the records spell it. */
    record AreaName(String text, String lang) {

        /** {@code lang} is "en" when a Spanish reader gets the name as the records spell it, else null. */
        static AreaName of(AreaPage page, String language) {
            boolean spanish = "es".equals(language);
            return spanish && !page.nameEs().isBlank() ? new AreaName(page.nameEs(), null)
                    : new AreaName(page.area(), spanish ? "en" : null);
        }
    }

    /** An event that has ended, with its recordings or materials. */
    record PastEvent(PublicEvent event, List<Product> materials) {
    }

    /** How to reach the center; each part null when not given. */
    record Contact(String email, String phone, String website, String place) {

        public boolean isEmpty() {
            return email == null && phone == null && website == null && place == null;
        }
    }
}
