package org.imrplatform.fidelity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One review as stored. Clinical reviews name a group, a facilitator and how the session was seen; programmatic
 * ones only the program. {@code revision} counts from 1; {@code revisionOf} is the review this one revises.
 */
record FidelityReview(long id, String instrumentId, int instrumentVersion, long programId, Long groupId,
        Long facilitatorId, SessionMode sessionMode, LocalDate reviewedOn, Set<EvidenceSource> sources,
        boolean submitted, int revision, Long revisionOf, Instant submittedAt, Map<String, ItemRating> ratings) {

    /** The ratings alone, as scoring needs them; not-applicable and unrated items are absent. */
    Map<String, Integer> ratingValues() {
        Map<String, Integer> values = new HashMap<>();
        ratings.forEach((item, answer) -> {
            if (answer.rating() != null) {
                values.put(item, answer.rating());
            }
        });
        return values;
    }
}
