package org.imrplatform.relapse;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.imrplatform.account.Account;
import org.imrplatform.account.Accounts;
import org.imrplatform.account.SignedInAccount;
import org.imrplatform.relapse.PlanRecords.Outcome;
import org.imrplatform.relapse.PlanRecords.PlanHistory;
import org.imrplatform.shared.PdfDocuments;
import org.imrplatform.shared.PrintLanguage;
import org.imrplatform.shared.PrivateDownload;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A participant's relapse prevention plan for the facilitators of their group and administrators: the current plan
 * with its earlier versions (each readable, none changeable), the form for the next version, and the plan printed
 * for the participant in English or Spanish whatever language the facilitator's pages are in.
 */
@Controller
class PlanController {

    /** The languages the plan is printed in for the participant. */
    static final List<String> PRINT_LANGUAGES = List.of("en", "es");

    private final PlanRecords records;
    private final Accounts accounts;
    private final PdfDocuments pdfs;
    private final Clock clock;

    PlanController(PlanRecords records, Accounts accounts, PdfDocuments pdfs, Clock clock) {
        this.records = records;
        this.accounts = accounts;
        this.pdfs = pdfs;
        this.clock = clock;
    }

    @GetMapping("/practice/participants/{publicId}/plan")
    String plan(@PathVariable String publicId, @AuthenticationPrincipal SignedInAccount me, Model model,
            Locale locale) {
        PlanHistory history = records.history(me, publicId, "plan");
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("form", history.current().map(current -> PlanForm.from(current, today))
                .orElseGet(PlanForm::empty));
        return show(history, model, locale);
    }

    @PostMapping("/practice/participants/{publicId}/plan")
    String save(@PathVariable String publicId, @AuthenticationPrincipal SignedInAccount me,
            @Valid @ModelAttribute("form") PlanForm form, BindingResult errors, Model model, Locale locale) {
        if (form != null) {
            form.check(errors, LocalDate.now(clock));
        }
        if (errors.hasErrors()) {
            return show(records.history(me, publicId, "plan"), model, locale);
        }
        Outcome outcome;
        try {
            outcome = records.save(me, publicId, form.basedOnVersion(), form.plan());
        } catch (DuplicateKeyException e) {
            // Someone else's save took the same version number a moment earlier.
            outcome = Outcome.STALE;
        }
        if (outcome == Outcome.STALE) {
            PlanHistory history = records.history(me, publicId, "plan");
            model.addAttribute("form", form.basedOn(history.current().map(PlanVersion::number).orElse(0)));
            model.addAttribute("stale", true);
            return show(history, model, locale);
        }
        return "redirect:/practice/participants/" + publicId + "/plan?"
                + (outcome == Outcome.SAVED ? "saved" : "unchanged");
    }

    /** An earlier (or the current) version, read only. */
    @GetMapping("/practice/participants/{publicId}/plan/versions/{number}")
    String version(@PathVariable String publicId, @PathVariable int number,
            @AuthenticationPrincipal SignedInAccount me, Model model) {
        PlanHistory history = records.history(me, publicId, "plan version");
        PlanVersion version = history.version(number);
        model.addAttribute("participant", history.participant());
        model.addAttribute("version", version);
        model.addAttribute("latest", history.current().orElseThrow().number());
        model.addAttribute("savers", savers(history.versions()));
        return "relapse/version";
    }

    @GetMapping("/practice/participants/{publicId}/plan.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String publicId, @RequestParam(required = false) String language,
            @AuthenticationPrincipal SignedInAccount me, Locale locale) {
        Locale printed = PrintLanguage.of(language, locale);
        PlanHistory history = records.history(me, publicId, "plan printed");
        PlanVersion current = history.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // Only the participant's code is printed, and the file name carries nothing about them.
        byte[] pdf = pdfs.render("relapse/plan-pdf", Map.of("code", history.participant().code(),
                "version", current), printed);
        return PrivateDownload.of(MediaType.APPLICATION_PDF, "relapse-prevention-plan.pdf", pdf);
    }

    private String show(PlanHistory history, Model model, Locale locale) {
        model.addAttribute("participant", history.participant());
        model.addAttribute("versions", history.versions());
        model.addAttribute("current", history.current().orElse(null));
        model.addAttribute("savers", savers(history.versions()));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("printLanguages", PRINT_LANGUAGES);
        model.addAttribute("printLanguage", locale.getLanguage());
        model.addAttribute("maxItems", RelapsePlan.MAX_ITEMS);
        model.addAttribute("maxLength", RelapsePlan.MAX_LENGTH);
        return "relapse/plan";
    }

    /** Who saved the versions, by account id, as their names. */
    private Map<Long, String> savers(List<PlanVersion> versions) {
        return versions.stream().map(PlanVersion::savedBy).distinct().collect(Collectors.toMap(Function.identity(),
                id -> accounts.find(id).map(Account::fullName).orElse("")));
    }
}
