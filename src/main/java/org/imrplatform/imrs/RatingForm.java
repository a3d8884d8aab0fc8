package org.imrplatform.imrs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;

import org.imrplatform.shared.ReasonableDate;
import org.springframework.validation.Errors;

/**
 * A rating as posted: its kind, its day, and {@code answer[n]} for item n, a score 1 to 5, {@code na} or nothing.
 * Everything is checked against the scale version, since any of it may have been altered on its way from the
 * browser.
 */
public class RatingForm {

    static final String NOT_APPLICABLE = "na";

    @NotNull(message = "{imrs.kind.required}")
    private ImrsKind kind;
    @NotNull(message = "{imrs.ratedOn.required}")
    @ReasonableDate
    private LocalDate ratedOn;
    private Map<String, String> answer = new HashMap<>();

    static RatingForm of(ImrsKind kind) {
        RatingForm form = new RatingForm();
        form.kind = kind;
        return form;
    }

    /** The answered items, with a field error for each refused answer; at least one item must be answered. */
    List<Answer> answers(ScaleVersion scale, Errors errors) {
        if (answer.keySet().stream().anyMatch(key -> scale.items().stream()
                .noneMatch(item -> String.valueOf(item.number()).equals(key)))) {
            errors.rejectValue("answer", "imrs.answer.unknown");
        }
        List<Answer> answers = new ArrayList<>();
        for (ScaleItem item : scale.items()) {
            String field = "answer[" + item.number() + "]";
            String value = answer.get(String.valueOf(item.number()));
            if (value == null || value.isBlank() || errors.hasFieldErrors(field)) {
                continue;
            }
            Object[] args = {item.number()};
            if (value.equals(NOT_APPLICABLE)) {
                if (item.allowsNotApplicable()) {
                    answers.add(new Answer(item.number(), null));
                } else {
                    errors.rejectValue(field, "imrs.answer.notApplicable", args, null);
                }
                continue;
            }
            Integer score = score(value);
            if (score == null) {
                errors.rejectValue(field, "imrs.answer.range", args, null);
            } else {
                answers.add(new Answer(item.number(), score));
            }
        }
        if (answers.isEmpty() && !errors.hasFieldErrors("answer*")) {
            errors.rejectValue("answer", "imrs.answer.none");
        }
        return answers;
    }

    private static Integer score(String value) {
        try {
            int score = Integer.parseInt(value.trim());
            return score >= ScaleVersion.LOWEST && score <= ScaleVersion.HIGHEST ? score : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public ImrsKind getKind() {
        return kind;
    }

    public void setKind(ImrsKind kind) {
        this.kind = kind;
    }

    public LocalDate getRatedOn() {
        return ratedOn;
    }

    public void setRatedOn(LocalDate ratedOn) {
        this.ratedOn = ratedOn;
    }

    public Map<String, String> getAnswer() {
        return answer;
    }

    public void setAnswer(Map<String, String> answer) {
        this.answer = answer;
    }
}
