package org.imrplatform.goals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.shared.FormErrors;
import org.imrplatform.shared.PdfDocuments;
import org.imrplatform.shared.PrintLanguage;
import org.imrplatform.shared.PrivateDownload;
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
 * The participant's goal tracking sheet: their recovery goal, short-term goals and steps, every follow-up, the forms
 * that add to them, and the sheet printed for the participant in English or Spanish, whatever language the
 * facilitator reads the site in.
 */
@Controller
@RequestMapping("/practice/participants/{publicId}/goals")
class GoalController {

    private final GoalTracking tracking;
    private final PdfDocuments pdfs;
    private final Clock clock;

    GoalController(GoalTracking tracking, PdfDocuments pdfs, Clock clock) {
        this.tracking = tracking;
        this.pdfs = pdfs;
        this.clock = clock;
    }

    @ModelAttribute("lifeAreas")
    LifeArea[] lifeAreas() {
        return LifeArea.values();
    }

    @ModelAttribute("endings")
    GoalEnding[] endings() {
        return GoalEnding.values();
    }

    @ModelAttribute("progressValues")
    StepProgress[] progressValues() {
        return StepProgress.values();
    }

    @GetMapping
    String sheet(@PathVariable String publicId, @AuthenticationPrincipal SignedInAccount me, Model model) {
        return show(publicId, me, model);
    }

    @PostMapping
    String setGoal(@PathVariable String publicId, @AuthenticationPrincipal SignedInAccount me,
            @Valid @ModelAttribute("newGoal") GoalForm form, BindingResult errors, Model model) {
        return change(publicId, me, errors, model, () -> tracking.setGoal(me, publicId, form), "goalSet");
    }

    @PostMapping("/short-term")
    String addShortTermGoal(@PathVariable String publicId, @AuthenticationPrincipal SignedInAccount me,
            @Valid @ModelAttribute("shortTerm") ShortTermGoalForm form, BindingResult errors, Model model) {
        return change(publicId, me, errors, model, () -> tracking.addShortTermGoal(me, publicId, form),
                "shortTermAdded");
    }

    @PostMapping("/steps")
    String addStep(@PathVariable String publicId, @AuthenticationPrincipal SignedInAccount me,
            @Valid @ModelAttribute("step") StepForm form, BindingResult errors, Model model) {
        return change(publicId, me, errors, model, () -> tracking.addStep(me, publicId, form), "stepAdded");
    }

    @PostMapping("/follow-ups")
    String recordFollowUp(@PathVariable String publicId, @AuthenticationPrincipal SignedInAccount me,
            @Valid @ModelAttribute("followUp") FollowUpForm form, BindingResult errors, Model model) {
        return change(publicId, me, errors, model, () -> tracking.recordFollowUp(me, publicId, form),
                "followedUp");
    }

    /** The sheet as a PDF for the participant: their code only, the goals, the follow-ups, the day printed. */
    @GetMapping("/sheet.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String publicId, @AuthenticationPrincipal SignedInAccount me,
            @RequestParam(required = false) String language, Locale reading) {
        Locale locale = PrintLanguage.of(language, reading);
        GoalSheet sheet = tracking.sheet(me, publicId, "goals printed");
        // The file name names no one: the participant's code stays inside the document.
        return PrivateDownload.of(MediaType.APPLICATION_PDF, "goal-sheet.pdf", pdfs.render("goals/goal-sheet-pdf",
                Map.of("sheet", sheet, "printedOn", LocalDate.now(clock)), locale));
    }

    /** Makes a change when the form is well filled in; otherwise, or when refused, the page again with why. */
    private String change(String publicId, SignedInAccount me, BindingResult errors, Model model, Runnable change,
            String notice) {
        if (!errors.hasErrors()) {
            try {
                change.run();
                return "redirect:/practice/participants/" + publicId + "/goals?" + notice;
            } catch (GoalRefused refused) {
                FormErrors.reject(errors, refused.field(), refused.messageKey());
            }
        }
        return show(publicId, me, model);
    }

    private String show(String publicId, SignedInAccount me, Model model) {
        GoalSheet sheet = tracking.sheet(me, publicId, "goals");
        model.addAttribute("sheet", sheet);
        // Every form of the page, blank unless it is the one being shown again with its problems.
        Map.of("newGoal", GoalForm.empty(), "shortTerm", ShortTermGoalForm.empty(), "step", StepForm.empty(),
                "followUp", FollowUpForm.startingWith(LocalDate.now(clock), sheet.currentStepId()))
                .forEach((name, blank) -> {
                    if (!model.containsAttribute(name)) {
                        model.addAttribute(name, blank);
                    }
                });
        return "goals/sheet";
    }
}
