package org.imrplatform.imrs;

import java.util.Map;

/**
 * One item of a scale version: its number (1 to 15), a short label, the question, the five options scored 1 (least
 * healthy) to 5 (healthiest), and, for items that may not apply to a person, the wording of "not applicable".
 * {@code unconfirmed} marks wording that could not be checked against the published form.
 */
public record ScaleItem(int number, Wording label, Wording question, Map<Integer, Wording> options,
        Wording notApplicable, boolean unconfirmed) {

    public boolean allowsNotApplicable() {
        return notApplicable != null;
    }

    public Wording option(int score) {
        return options.get(score);
    }
}
