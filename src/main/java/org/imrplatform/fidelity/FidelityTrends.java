package org.imrplatform.fidelity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.fidelity.AuditLog.Action;
import org.imrplatform.practice.Programs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A program's or a facilitator's submitted reviews over time, one history per instrument version, for the fidelity
 * history pages and for other modules' pages (a facilitator's whole picture). Who may see them is decided here, and
 * every review shown is in the audit log, as for the history pages.
 */
@Service
public class FidelityTrends {

    /** One instrument's reviews of the subject over time, as a page shows them. */
    public record Trend(String instrument, List<String> dates, List<String> means, String meanChange,
            String latestBand, String chart) {
    }

    private final FidelityReviews reviews;
    private final FeedbackReports reports;
    private final Programs programs;
    private final AuditLog audit;

    FidelityTrends(FidelityReviews reviews, FeedbackReports reports, Programs programs, AuditLog audit) {
        this.reviews = reviews;
        this.reports = reports;
        this.programs = programs;
        this.audit = audit;
    }

    /** Reviewers and the program's own facilitators may see a program's reviews. */
    public boolean maySeeProgram(SignedInAccount person, long programId) {
        return ReviewAccess.reviews(person) || programs.programsFacilitatedBy(person.accountId()).contains(programId);
    }

    /** Reviewers and the facilitator themselves may see a facilitator's reviews. */
    public boolean maySeeFacilitator(SignedInAccount person, long accountId) {
        return ReviewAccess.reviews(person) || person.accountId() == accountId;
    }

    @Transactional
    List<ReviewHistory> programHistories(SignedInAccount person, long programId) {
        return histories(person, reviews.list(FidelityReviews.CURRENT + " and program_id = ? and facilitator_id is null",
                programId));
    }

    @Transactional
    List<ReviewHistory> facilitatorHistories(SignedInAccount person, long accountId) {
        return histories(person, reviews.list(FidelityReviews.CURRENT + " and facilitator_id = ?", accountId));
    }

    /** The program's trends; empty when the person may not see them. {@code chartId} prefixes the charts' captions. */
    public List<Trend> ofProgram(SignedInAccount person, long programId, String chartId) {
        return maySeeProgram(person, programId) ? trends(programHistories(person, programId), chartId) : List.of();
    }

    /** The facilitator's trends; empty when the person may not see them. */
    public List<Trend> ofFacilitator(SignedInAccount person, long accountId, String chartId) {
        return maySeeFacilitator(person, accountId) ? trends(facilitatorHistories(person, accountId), chartId)
                : List.of();
    }

    private List<ReviewHistory> histories(SignedInAccount person, List<FidelityReview> found) {
        Map<Instrument, List<FeedbackReport>> byInstrument = new LinkedHashMap<>();
        for (FidelityReview review : found.reversed()) {
            FeedbackReport report = reports.of(review);
            byInstrument.computeIfAbsent(report.instrument(), i -> new ArrayList<>()).add(report);
            audit.record(person.accountId(), Action.VIEWED_IN_HISTORY, review.id());
        }
        return byInstrument.entrySet().stream().map(e -> new ReviewHistory(e.getKey(), e.getValue())).toList();
    }

    private static List<Trend> trends(List<ReviewHistory> histories, String chartId) {
        List<Trend> trends = new ArrayList<>();
        for (int i = 0; i < histories.size(); i++) {
            ReviewHistory history = histories.get(i);
            FeedbackReport latest = history.reports().getLast();
            trends.add(new Trend(history.instrument().name(), history.dates(), history.means(), history.meanChange(),
                    latest.score().band() == null ? null : latest.score().band().label(),
                    history.chart(chartId + "-" + i)));
        }
        return trends;
    }
}
