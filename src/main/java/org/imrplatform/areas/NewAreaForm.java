package org.imrplatform.areas;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new area page: its address (/areas/{slug}) and the area of focus as events and products name it. */
record NewAreaForm(
        @NotBlank(message = "{areas.slug.invalid}")
        @Pattern(regexp = AreaController.SLUG, message = "{areas.slug.invalid}") String slug,
        @NotBlank(message = "{event.area.required}") @Size(max = 100, message = "{event.area.long}") String area) {

    static NewAreaForm empty() {
        return new NewAreaForm("", "");
    }
}
