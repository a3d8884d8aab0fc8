package org.imrplatform.imrs;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.practice.Programs;
import org.imrplatform.shared.FormErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The IMR Scale pages: a group's participants with the ratings due, and a participant's ratings over time with the
 * form for a new one. Every page opens its participants through {@link ImrsRatings}, which checks and logs them.
 */
@Controller
class ImrsController {

    private final ImrsRatings ratings;
    private final ScaleFiles scales;
    private final Programs programs;
    private final Clock clock;

    ImrsController(ImrsRatings ratings, ScaleFiles scales, Programs programs, Clock clock) {
        this.ratings = ratings;
        this.scales = scales;
        this.programs = programs;
        this.clock = clock;
    }

    @GetMapping("/practice/groups/{groupId}/imrs")
    String group(@PathVariable long groupId, @AuthenticationPrincipal SignedInAccount me, Model model) {
        List<ImrsRatings.GroupRow> rows = ratings.group(me, groupId);
        model.addAttribute("rows", rows);
        model.addAttribute("group", programs.group(groupId).orElseThrow());
        return "imrs/group";
    }

    @GetMapping("/practice/participants/{publicId}/imrs")
    String participant(@PathVariable String publicId, @RequestParam(defaultValue = "CLIENT") ImrsKind kind,
            @AuthenticationPrincipal SignedInAccount me, Model model) {
        ImrsRatings.ParticipantImrs history = ratings.history(me, publicId);
        model.addAttribute("form", RatingForm.of(kind));
        return show(history, kind, model);
    }

    @PostMapping("/practice/participants/{publicId}/imrs")
    String record(@PathVariable String publicId, @AuthenticationPrincipal SignedInAccount me,
            @Valid @ModelAttribute("form") RatingForm form, BindingResult errors, Model model) {
        ImrsRatings.ParticipantImrs history = ratings.history(me, publicId);
        ImrsKind kind = form.getKind() == null ? ImrsKind.CLIENT : form.getKind();
        ScaleVersion scale = scales.latest(kind);
        List<Answer> answers = form.getKind() == null ? List.of() : form.answers(scale, errors);
        LocalDate day = form.getRatedOn();
        if (day != null && !errors.hasFieldErrors("ratedOn")) {
            if (day.isAfter(LocalDate.now(clock))) {
                FormErrors.reject(errors, "ratedOn", "imrs.ratedOn.future");
            } else if (day.isBefore(history.participant().joinedOn())) {
                FormErrors.reject(errors, "ratedOn", "imrs.ratedOn.beforeJoining");
            }
        }
        if (!errors.hasErrors() && !ratings.record(me, publicId, scale, day, answers)) {
            FormErrors.reject(errors, "ratedOn", "imrs.ratedOn.taken");
        }
        if (errors.hasErrors()) {
            return show(history, kind, model);
        }
        return "redirect:/practice/participants/" + publicId + "/imrs?recorded=" + kind;
    }

    private String show(ImrsRatings.ParticipantImrs history, ImrsKind kind, Model model) {
        model.addAttribute("history", history);
        model.addAttribute("participant", history.participant());
        model.addAttribute("group", programs.group(history.participant().groupId()).orElseThrow());
        model.addAttribute("scale", scales.latest(kind));
        model.addAttribute("items", scales.latest(ImrsKind.CLIENT).items());
        model.addAttribute("client", history.of(ImrsKind.CLIENT));
        model.addAttribute("clinician", history.of(ImrsKind.CLINICIAN));
        model.addAttribute("kinds", ImrsKind.values());
        return "imrs/participant";
    }
}
