package org.imrplatform.fidelity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.fidelity.AuditLog.Action;
import org.imrplatform.practice.GroupFacilitator;
import org.imrplatform.practice.Programs;
import org.imrplatform.shared.PdfDocuments;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Fidelity reviews in the Practice face. Reviewers and administrators start reviews, rate them in drafts, submit
 * them (after which they are locked) and make revisions; everyone allowed to see a review reads its feedback
 * report. Every view and change is written to the audit log. POSTs here need the REVIEWER or ADMINISTRATOR role
 * (SecurityConfig); which reviews a facilitator sees is decided by {@link ReviewAccess}, and nobody starts, rates
 * or revises a review of their own work (refused with a message, HTTP 403 for a draft or report).
 */
@Controller
@RequestMapping("/practice")
class ReviewController {

    private static final String FORM = "fidelity/review";
    private static final String REPORT = "fidelity/report";

    private final Instruments instruments;
    private final FidelityReviews reviews;
    private final FeedbackReports reports;
    private final ReviewAccess access;
    private final Programs programs;
    private final AuditLog audit;
    private final PdfDocuments pdfs;
    private final Clock clock;
    private final ProgramRecords records;

    ReviewController(Instruments instruments, FidelityReviews reviews, FeedbackReports reports, ReviewAccess access,
            Programs programs, AuditLog audit, PdfDocuments pdfs, Clock clock, ProgramRecords records) {
        this.pdfs = pdfs;
        this.clock = clock;
        this.instruments = instruments;
        this.reviews = reviews;
        this.reports = reports;
        this.access = access;
        this.programs = programs;
        this.audit = audit;
        this.records = records;
    }

    /** The reviews one may open, without their scores: opening one (which is audited) shows what it found. */
    @GetMapping
    String home(@AuthenticationPrincipal SignedInAccount me, Model model) {
        boolean reviewer = ReviewAccess.reviews(me);
        model.addAttribute("reviewer", reviewer);
        model.addAttribute("reports", reviews.all().stream().filter(r -> access.maySee(r, me))
                .map(reports::of).toList());
        List<Long> mine = programs.programsFacilitatedBy(me.accountId());
        model.addAttribute("programs", programs.programs().stream()
                .filter(p -> reviewer || mine.contains(p.id())).toList());
        model.addAttribute("programmaticInstruments", instruments.latest(InstrumentKind.PROGRAMMATIC));
        model.addAttribute("clinicalInstruments", instruments.latest(InstrumentKind.CLINICAL));
        return "fidelity/home";
    }

    @GetMapping("/reviews/new")
    String newReview(@RequestParam String instrument, @AuthenticationPrincipal SignedInAccount me, Model model) {
        model.addAttribute("form", new NewReviewForm(null, null, null, LocalDate.now(clock)));
        return showNew(latest(instrument), me, model);
    }

    @PostMapping("/reviews")
    String create(@RequestParam String instrument, @Valid @ModelAttribute("form") NewReviewForm form,
            BindingResult errors, @AuthenticationPrincipal SignedInAccount me, Model model) {
        Instrument chosen = latest(instrument);
        FidelityReviews.Subject subject = errors.getTarget() == null ? null : subject(chosen, form, me, errors);
        if (errors.hasErrors()) {
            return showNew(chosen, me, model);
        }
        return "redirect:/practice/reviews/" + reviews.create(chosen, subject, me.accountId());
    }

    @GetMapping("/reviews/{id}")
    String review(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, Model model) {
        FidelityReview review = access.visible(id, me);
        audit.record(me.accountId(), Action.VIEWED, id);
        if (review.submitted()) {
            return showReport(review, me, model);
        }
        model.addAttribute("form", ReviewForm.of(review));
        return showForm(review, me, model);
    }

    @PostMapping("/reviews/{id}")
    String save(@PathVariable long id, @ModelAttribute("form") ReviewForm form, BindingResult errors,
            @RequestParam(defaultValue = "draft") String action, @AuthenticationPrincipal SignedInAccount me,
            Model model, HttpServletResponse response) {
        FidelityReview review = access.visible(id, me);
        if (review.submitted()) {
            return refuseLocked(review, me, model, response);
        }
        if (access.ownWork(review, me)) {
            audit.record(me.accountId(), Action.REFUSED_OWN_WORK, id);
            errors.rejectValue("rating", "review.ownWork");
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return showForm(review, me, model);
        }
        boolean submit = "submit".equals(action);
        Instrument instrument = instruments.require(review.instrumentId(), review.instrumentVersion());
        Map<String, ItemRating> answers = form.answers(instrument, submit, errors);
        Set<EvidenceSource> sources = form.evidenceSources(errors);
        if (errors.hasErrors()) {
            return showForm(review, me, model);
        }
        if (!reviews.save(id, sources, answers, me.accountId(), submit)) {
            return refuseLocked(reviews.find(id).orElseThrow(), me, model, response);
        }
        return "redirect:/practice/reviews/" + id + (submit ? "?submitted" : "?saved");
    }

    @GetMapping("/reviews/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, Locale locale) {
        FidelityReview review = access.visible(id, me);
        if (!review.submitted()) {
            throw ReviewAccess.notFound();
        }
        audit.record(me.accountId(), Action.DOWNLOADED, id);
        FeedbackReport report = reports.of(review);
        // The file name carries only the review's number: no names of people or places.
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("fidelity-review-" + id + ".pdf").build().toString())
                .body(pdfs.render("fidelity/report-pdf", Map.of("report", report, "differences",
                        ProgramRecords.differences(report, records.of(review, locale))), locale));
    }

    @PostMapping("/reviews/{id}/revision")
    String revise(@PathVariable long id, @AuthenticationPrincipal SignedInAccount me, Model model,
            HttpServletResponse response) {
        FidelityReview review = access.visible(id, me);
        if (!review.submitted()) {
            return "redirect:/practice/reviews/" + id;
        }
        if (access.ownWork(review, me)) {
            audit.record(me.accountId(), Action.REFUSED_OWN_WORK, id);
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("ownWork", true);
            return showReport(review, me, model);
        }
        long revision;
        try {
            revision = reviews.revise(review, me.accountId());
        } catch (DuplicateKeyException e) {
            revision = reviews.revise(review, me.accountId());
        }
        return "redirect:/practice/reviews/" + revision;
    }

    /** A submitted review is locked: the change is refused (and audited), the report shown with the reason. */
    private String refuseLocked(FidelityReview review, SignedInAccount me, Model model,
            HttpServletResponse response) {
        audit.record(me.accountId(), Action.REFUSED, review.id());
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        model.addAttribute("locked", true);
        return showReport(review, me, model);
    }

    private String showReport(FidelityReview review, SignedInAccount me, Model model) {
        FeedbackReport report = reports.of(review);
        model.addAttribute("report", report);
        model.addAttribute("differences",
                ProgramRecords.differences(report, records.of(review, LocaleContextHolder.getLocale())));
        model.addAttribute("reviewer", ReviewAccess.reviews(me) && !access.ownWork(review, me));
        model.addAttribute("earlier", reviews.earlierRevisions(review));
        model.addAttribute("revisedBy", reviews.list("revision_of = ?", review.id()).stream().findFirst()
                .orElse(null));
        return REPORT;
    }

    private String showForm(FidelityReview review, SignedInAccount me, Model model) {
        model.addAttribute("report", reports.of(review));
        model.addAttribute("fromRecords", records.of(review, LocaleContextHolder.getLocale()));
        model.addAttribute("ownWork", access.ownWork(review, me));
        model.addAttribute("sources", EvidenceSource.values());
        return FORM;
    }

    /** The choices leave out the chooser's own sessions and programs. */
    private String showNew(Instrument instrument, SignedInAccount me, Model model) {
        model.addAttribute("instrument", instrument);
        model.addAttribute("programs", programs.programs().stream()
                .filter(p -> !access.ownWork(p.id(), null, me)).toList());
        model.addAttribute("facilitations", programs.facilitators().stream()
                .filter(f -> f.accountId() != me.accountId()).toList());
        model.addAttribute("modes", SessionMode.values());
        return "fidelity/new";
    }

    private Instrument latest(String id) {
        return instruments.latest(id).orElseThrow(ReviewAccess::notFound);
    }

    /**
     * The reviewed program, or group and facilitator, checked to exist and not to be the reviewer's own work, on a
     * date no later than today; null with field errors otherwise.
     */
    private FidelityReviews.Subject subject(Instrument instrument, NewReviewForm form, SignedInAccount me,
            BindingResult errors) {
        if (form.reviewedOn() != null && form.reviewedOn().isAfter(LocalDate.now(clock))) {
            errors.rejectValue("reviewedOn", "review.reviewedOn.future");
        }
        if (instrument.kind() == InstrumentKind.PROGRAMMATIC) {
            if (form.programId() == null || programs.program(form.programId()).isEmpty()) {
                errors.rejectValue("programId", "review.program.required");
                return null;
            }
            if (access.ownWork(form.programId(), null, me)) {
                errors.rejectValue("programId", "review.program.own");
                return null;
            }
            return new FidelityReviews.Subject(form.programId(), null, null, null, form.reviewedOn());
        }
        Optional<GroupFacilitator> facilitation = programs.facilitators().stream()
                .filter(f -> (f.group().id() + "-" + f.accountId()).equals(form.facilitation())).findFirst();
        if (facilitation.isEmpty()) {
            errors.rejectValue("facilitation", "review.facilitation.required");
        } else if (facilitation.get().accountId() == me.accountId()) {
            errors.rejectValue("facilitation", "review.facilitation.own");
        }
        if (form.sessionMode() == null) {
            errors.rejectValue("sessionMode", "review.sessionMode.required");
        }
        return facilitation.map(f -> new FidelityReviews.Subject(f.group().programId(), f.group().id(),
                f.accountId(), form.sessionMode(), form.reviewedOn())).orElse(null);
    }
}
