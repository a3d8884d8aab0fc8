package org.imrplatform.fidelity;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.validation.Errors;

/**
 * The rating sheet as posted: {@code rating[item-id]} is a point of the scale or {@code na}, {@code notes[item-id]}
 * the evidence notes, {@code sources} the evidence sources. Everything is checked against the review's instrument,
 * since any of it may have been altered on its way from the browser.
 */
public class ReviewForm {

    static final String NOT_APPLICABLE = "na";
    static final int MAX_NOTES = 2000;

    private Map<String, String> rating = new HashMap<>();
    private Map<String, String> notes = new HashMap<>();
    private Set<String> sources = Set.of();

    static ReviewForm of(FidelityReview review) {
        ReviewForm form = new ReviewForm();
        review.ratings().forEach((item, answer) -> {
            if (answer.notApplicable()) {
                form.rating.put(item, NOT_APPLICABLE);
            } else if (answer.rating() != null) {
                form.rating.put(item, answer.rating().toString());
            }
            if (answer.notes() != null) {
                form.notes.put(item, answer.notes());
            }
        });
        form.sources = review.sources().stream().map(Enum::name).collect(Collectors.toSet());
        return form;
    }

    /**
     * The answers for the instrument's items, with a field error for each refused one; on submit, each required
     * item left unrated is an error too.
     */
    Map<String, ItemRating> answers(Instrument instrument, boolean submit, Errors errors) {
        if (Stream.concat(rating.keySet().stream(), notes.keySet().stream())
                .anyMatch(key -> instrument.item(key).isEmpty())) {
            errors.rejectValue("rating", "review.rating.unknown");
        }
        Map<String, ItemRating> answers = new LinkedHashMap<>();
        for (InstrumentItem item : instrument.items()) {
            String field = "rating[" + item.id() + "]";
            String value = rating.get(item.id());
            String note = notes.getOrDefault(item.id(), "").strip();
            Object[] args = {item.number(), item.title(), instrument.min(), instrument.max()};
            if (note.length() > MAX_NOTES) {
                errors.rejectValue("notes[" + item.id() + "]", "review.notes.long", new Object[] {item.number(), item.title(), MAX_NOTES},
                        null);
            }
            Integer points = null;
            boolean notApplicable = false;
            if (value == null || value.isBlank()) {
                if (submit && !item.optional()) {
                    errors.rejectValue(field, "review.rating.required", args, null);
                }
            } else if (value.equals(NOT_APPLICABLE)) {
                notApplicable = item.optional();
                if (!item.optional()) {
                    errors.rejectValue(field, "review.rating.notOptional", args, null);
                }
            } else {
                points = points(value, instrument);
                if (points == null) {
                    errors.rejectValue(field, "review.rating.range", args, null);
                }
            }
            if (points != null || notApplicable || !note.isEmpty()) {
                answers.put(item.id(), new ItemRating(points, notApplicable, note.isEmpty() ? null : note));
            }
        }
        // Only possible when every item is optional: a submitted review needs a score.
        if (submit && !errors.hasErrors() && answers.values().stream().allMatch(a -> a.rating() == null)) {
            errors.rejectValue("rating", "review.rating.none");
        }
        return answers;
    }

    /** The evidence sources ticked; an unknown one is refused. */
    Set<EvidenceSource> evidenceSources(Errors errors) {
        Set<EvidenceSource> chosen = EnumSet.noneOf(EvidenceSource.class);
        for (String source : sources) {
            try {
                chosen.add(EvidenceSource.valueOf(source));
            } catch (IllegalArgumentException e) {
                errors.rejectValue("sources", "review.sources.unknown");
            }
        }
        return chosen;
    }

    private static Integer points(String value, Instrument instrument) {
        try {
            int points = Integer.parseInt(value.trim());
            return instrument.inRange(points) ? points : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public Map<String, String> getRating() {
        return rating;
    }

    public void setRating(Map<String, String> rating) {
        this.rating = rating;
    }

    public Map<String, String> getNotes() {
        return notes;
    }

    public void setNotes(Map<String, String> notes) {
        this.notes = notes;
    }

    public Set<String> getSources() {
        return sources;
    }

    public void setSources(Set<String> sources) {
        this.sources = sources;
    }
}
