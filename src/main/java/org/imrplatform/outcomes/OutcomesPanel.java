package org.imrplatform.outcomes;

import java.util.List;
import java.util.Map;

import org.imrplatform.needs.NeedsAssessments;
import org.imrplatform.overview.PracticeFigures;

/**
 * The outcome figures as people read them, for the dashboard and the one-page summary PDF alike: each rank,
 * percentage and share is worked out here once (shares by {@link org.imrplatform.shared.Share}), so the page and
 * the PDF cannot disagree.
 *
 * @param standing where the area stands in its latest needs assessment, or null (every area, or none ranks it)
 * @param practice the IMR groups' figures of the same period (the Practice face)
 */
record OutcomesPanel(OutcomeFigures.Figures figures, NeedsAssessments.Standing standing,
        PracticeFigures.Figures practice) {

    /** A satisfaction item: its whole percent (0 when nobody answered) and that percent as printed. */
    record Rated(String item, long percent, String percentText, long respondents) {
    }

    /** A part of the participants engaged: the message key naming it, how many people, their share. */
    record Part(String key, long people, long percent) {
    }

    /** The area's rank as "3 / 12", its share of respondents when the assessment ranks nothing, or "—". */
    public String rank() {
        return standing == null ? "—"
                : standing.rank() != null ? standing.rank() + " / " + standing.areas() : respondentShare();
    }

    /** The share of the needs assessment's respondents who named the area, as printed ("—" when not known). */
    public String respondentShare() {
        return standing == null || standing.percent() == null ? "—" : standing.percent() + "%";
    }

    public List<Rated> satisfaction() {
        return figures.satisfaction().stream().map(s -> new Rated(s.item(), s.percent(),
                s.respondents() == 0 ? "—" : s.percent() + "%", s.respondents())).toList();
    }

    public List<Part> byRegion() {
        return parts("region.", figures.byRegion());
    }

    public List<Part> byDiscipline() {
        return parts("discipline.", figures.byDiscipline());
    }

    private List<Part> parts(String keyPrefix, Map<String, Long> people) {
        return people.entrySet().stream()
                .map(e -> new Part(keyPrefix + e.getKey(), e.getValue(), figures.share(e.getValue()))).toList();
    }
}
