package org.imrplatform.outcomes;

import java.time.LocalDate;
import java.util.List;

import org.imrplatform.needs.NeedsAssessments;
import org.springframework.stereotype.Service;

/**
 * The outcome figures of one area of focus for a period, and the areas there are, for other modules (the area's
 * public page, the choice of comments to publish): the very
 * definitions of the dashboard (docs/metrics.md), worded by {@link OutcomesPanel} as the dashboard and its PDF word
 * them, so that the three agree.
 */
@Service
public class AreaOutcomes {

    /** A satisfaction item (its message key is {@code outcomes.item.<item>}), its percent as printed ("—" when none). */
    public record Satisfaction(String item, String percentText, long respondents) {
    }

    /**
     * The figures as people read them.
     *
     * @param rank the area's rank in its latest needs assessment as printed ("3 / 12", a share, or "—")
     */
    public record Figures(String area, LocalDate from, LocalDate to, long participants, long completions,
            long events, long products, String rank, List<Satisfaction> satisfaction) {
    }

    private final OutcomeFigures figures;
    private final NeedsAssessments needs;

    AreaOutcomes(OutcomeFigures figures, NeedsAssessments needs) {
        this.figures = figures;
        this.needs = needs;
    }

    /** Every area of focus named by an event, a product or a course, each once whatever its spelling's case. */
    public List<String> areas() {
        return figures.areas();
    }

    /** The area's figures from the first to the last day, both included. */
    public Figures of(String area, LocalDate from, LocalDate to) {
        OutcomesPanel panel = new OutcomesPanel(figures.of(new OutcomeFigures.Scope(from, to, area)),
                needs.standing(area, to).orElse(null), null);
        OutcomeFigures.Figures f = panel.figures();
        return new Figures(area, from, to, f.participants(), f.completions(), f.events(), f.products(), panel.rank(),
                panel.satisfaction().stream()
                        .map(s -> new Satisfaction(s.item(), s.percentText(), s.respondents())).toList());
    }
}
