package org.imrplatform.fidelity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.imrplatform.account.Account;
import org.imrplatform.account.Accounts;
import org.imrplatform.account.SignedInAccount;
import org.imrplatform.fidelity.AuditLog.Action;
import org.imrplatform.practice.ImrProgram;
import org.imrplatform.practice.Programs;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Reviews over time: a program's, a facilitator's, and (for administrators) the sites side by side. Only submitted
 * reviews count, each replaced by its latest submitted revision. Every review shown is written to the audit log.
 */
@Controller
class HistoryController {

    private final FidelityReviews reviews;
    private final FeedbackReports reports;
    private final Instruments instruments;
    private final Programs programs;
    private final Accounts accounts;
    private final AuditLog audit;
    private final FidelityTrends trends;

    HistoryController(FidelityReviews reviews, FeedbackReports reports, Instruments instruments, Programs programs,
            Accounts accounts, AuditLog audit, FidelityTrends trends) {
        this.reviews = reviews;
        this.reports = reports;
        this.instruments = instruments;
        this.programs = programs;
        this.accounts = accounts;
        this.audit = audit;
        this.trends = trends;
    }

    /** Reviewers, and the program's own facilitators; anyone else gets 404. */
    @GetMapping("/practice/programs/{id}/history")
    String program(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, Model model) {
        ImrProgram program = programs.program(id).orElseThrow(ReviewAccess::notFound);
        if (!trends.maySeeProgram(me, id)) {
            throw ReviewAccess.notFound();
        }
        model.addAttribute("heading", program.label());
        model.addAttribute("facilitator", false);
        model.addAttribute("overview", "/practice/programs/" + id + "/overview");
        model.addAttribute("histories", trends.programHistories(me, id));
        return "fidelity/history";
    }

    /** Reviewers, and the facilitator themselves; anyone else gets 404. */
    @GetMapping("/practice/facilitators/{id}/history")
    String facilitator(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, Model model) {
        if (!trends.maySeeFacilitator(me, id)) {
            throw ReviewAccess.notFound();
        }
        Account account = accounts.find(id).orElseThrow(ReviewAccess::notFound);
        model.addAttribute("heading", account.fullName());
        model.addAttribute("facilitator", true);
        model.addAttribute("overview", "/practice/facilitators/" + id + "/overview");
        model.addAttribute("histories", trends.facilitatorHistories(me, id));
        return "fidelity/history";
    }

    /** Each site's latest review of each of its programs or facilitators, averaged item by item. */
    @GetMapping("/admin/fidelity/sites")
    String sites(@AuthenticationPrincipal SignedInAccount me, Model model) {
        List<FeedbackReport> latest = new ArrayList<>();
        Map<String, FeedbackReport> bySubject = new LinkedHashMap<>();
        for (FidelityReview review : reviews.list(FidelityReviews.CURRENT)) {
            String subject = review.instrumentId() + "/" + review.instrumentVersion() + "/" + review.programId()
                    + "/" + review.facilitatorId();
            // Newest first: the first review of a subject is its latest.
            if (!bySubject.containsKey(subject)) {
                FeedbackReport report = reports.of(review);
                bySubject.put(subject, report);
                latest.add(report);
                audit.record(me.accountId(), Action.VIEWED_IN_HISTORY, review.id());
            }
        }
        model.addAttribute("comparisons", instruments.all().stream()
                .map(instrument -> SiteComparison.of(instrument, programs.sites(), programs.programs(),
                        latest.stream().filter(r -> r.instrument().equals(instrument)).toList()))
                .filter(c -> !c.sites().isEmpty()).toList());
        return "fidelity/sites";
    }
}
