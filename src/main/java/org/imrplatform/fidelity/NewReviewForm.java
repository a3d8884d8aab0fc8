package org.imrplatform.fidelity;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.imrplatform.shared.ReasonableDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a new review is of (the instrument is a parameter of its own, so it is known even when this form cannot
 * be read). A programmatic instrument needs the program; a clinical one the facilitator in a group
 * ({@code facilitation} is "groupId-accountId") and how the session was seen. The date is ISO (2026-12-01), the only
 * form a date field takes. Messages are keys in messages.properties.
 */
record NewReviewForm(Long programId, String facilitation, SessionMode sessionMode,
        @NotNull(message = "{review.reviewedOn.required}") @ReasonableDate
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewedOn) {
}
