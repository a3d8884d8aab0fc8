package org.imrplatform.products;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.imrplatform.shared.ReasonableDate;

/** A product as an administrator records it; messages are keys in messages.properties. */
public record ProductForm(
        @NotBlank(message = "{product.title.required}") @Size(max = 300, message = "{event.title.long}") String title,
        @NotNull(message = "{product.kind.required}") ProductKind kind,
        @NotBlank(message = "{event.area.required}") @Size(max = 100, message = "{event.area.long}") String area,
        @NotNull(message = "{product.releasedOn.required}") @ReasonableDate LocalDate releasedOn,
        @Size(max = 2000, message = "{product.description.long}") String description,
        @Size(max = 500, message = "{product.link.long}")
        @Pattern(regexp = "(https?://[^\\s<>\"]+)?", message = "{product.link.invalid}") String link,
        Long eventId) {

    static ProductForm empty() {
        return new ProductForm("", null, "Illness Management and Recovery", null, "", "", null);
    }
}
