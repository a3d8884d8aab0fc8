package org.imrplatform.areas;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.imrplatform.shared.ReasonableDate;

/**
 * An area page as the center edits it; messages are keys in messages.properties. Lengths match the columns of
 * area_page. {@code revision} is the page's revision the form was made from.
 */
record AreaPageForm(
        @Size(max = 100, message = "{areas.nameEs.long}") String nameEs,
        @Size(max = 3000, message = "{areas.centerText.long}") String centerTextEn,
        @Size(max = 3000, message = "{areas.centerText.long}") String centerTextEs,
        @Size(max = 12000, message = "{areas.focus.long}") String focusEn,
        @Size(max = 12000, message = "{areas.focus.long}") String focusEs,
        @Size(max = 254, message = "{areas.email.invalid}")
        // Letters, digits and . _ + ' - only: the address becomes a mailto: link, which must not carry more
        // recipients or headers (?cc=, &body=, %40) nor invisible characters.
        @Pattern(regexp = "([\\p{L}\\p{N}._+'-]+@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+)?",
                message = "{areas.email.invalid}") String email,
        @Size(max = 40, message = "{areas.phone.invalid}")
        @Pattern(regexp = "[0-9+()./ -]*", message = "{areas.phone.invalid}") String phone,
        @Size(max = 500, message = "{areas.website.invalid}")
        @Pattern(regexp = "(https?://[^\\s<>\"]+)?", message = "{areas.website.invalid}") String website,
        @Size(max = 300, message = "{areas.place.long}") String place,
        @NotNull(message = "{areas.periodFrom.required}") @ReasonableDate LocalDate periodFrom,
        @ReasonableDate LocalDate periodTo,
        @NotNull(message = "{areas.stale}") Integer revision) {

    static AreaPageForm of(AreaPage page) {
        return new AreaPageForm(page.nameEs(), page.centerTextEn(), page.centerTextEs(), page.focusEn(), page.focusEs(),
                page.email(), page.phone(), page.website(), page.place(), page.periodFrom(), page.periodTo(),
                page.revision());
    }
}
