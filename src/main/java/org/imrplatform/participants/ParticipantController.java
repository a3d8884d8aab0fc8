package org.imrplatform.participants;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.practice.ImrGroup;
import org.imrplatform.practice.Programs;
import org.imrplatform.shared.FormErrors;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Facilitators (for the groups they lead) and administrators keep the participants of IMR groups: add them under a
 * code, record their consent, move them between groups, mark them finished or left, export a participant's whole
 * record and erase it on request. Every page goes through
 * {@link ParticipantRecords}, which checks and logs each record shown.
 */
@Controller
class ParticipantController {

    private final ParticipantRecords records;
    private final Programs programs;
    private final ParticipantExport export;
    private final Clock clock;

    ParticipantController(ParticipantRecords records, Programs programs, ParticipantExport export, Clock clock) {
        this.records = records;
        this.programs = programs;
        this.export = export;
        this.clock = clock;
    }

    @ModelAttribute("statuses")
    ParticipantStatus[] statuses() {
        return new ParticipantStatus[] {ParticipantStatus.FINISHED, ParticipantStatus.LEFT};
    }

    /** The groups whose participants the person keeps. */
    @GetMapping("/practice/groups")
    String groups(@AuthenticationPrincipal SignedInAccount me, Model model) {
        model.addAttribute("groups", groupsOf(me));
        return "participants/groups";
    }

    @GetMapping("/practice/groups/{groupId}/participants")
    String roster(@PathVariable long groupId, @AuthenticationPrincipal SignedInAccount me, Model model) {
        model.addAttribute("form", ParticipantForm.empty());
        return showRoster(groupId, me, model);
    }

    @PostMapping("/practice/groups/{groupId}/participants")
    String add(@PathVariable long groupId, @AuthenticationPrincipal SignedInAccount me,
            @Valid @ModelAttribute("form") ParticipantForm form, BindingResult errors, Model model) {
        records.requireGroup(me, groupId);
        LocalDate today = LocalDate.now(clock);
        // A value that could not be read at all (a control character) leaves no form, only its error.
        if (form != null && form.consentOn() != null && form.consentOn().isAfter(today)) {
            FormErrors.reject(errors, "consentOn", "participant.date.future");
        }
        if (form != null && form.joinedOn() != null && form.joinedOn().isAfter(today)) {
            FormErrors.reject(errors, "joinedOn", "participant.date.future");
        }
        if (errors.hasErrors()) {
            return showRoster(groupId, me, model);
        }
        return records.add(me, groupId, form)
                .map(added -> "redirect:/practice/participants/" + added.publicId() + "?added")
                .orElseGet(() -> {
                    FormErrors.reject(errors, "code", "participant.code.taken");
                    return showRoster(groupId, me, model);
                });
    }

    @GetMapping("/practice/participants/{publicId}")
    String record(@PathVariable String publicId, @AuthenticationPrincipal SignedInAccount me, Model model) {
        Participant participant = records.open(me, publicId, ParticipantRecords.Use.READ, "record");
        model.addAttribute("ending", ParticipantEnding.empty());
        model.addAttribute("move", ParticipantMove.empty());
        return showRecord(participant, me, model);
    }

    @PostMapping("/practice/participants/{publicId}/ending")
    String end(@PathVariable String publicId, @AuthenticationPrincipal SignedInAccount me,
            @Valid @ModelAttribute("ending") ParticipantEnding ending, BindingResult errors, Model model) {
        Participant participant = records.open(me, publicId, ParticipantRecords.Use.READ, "record");
        if (ending != null && ending.status() == ParticipantStatus.ACTIVE) {
            FormErrors.reject(errors, "status", "participant.status.required");
        }
        if (ending != null) {
            checkDay(ending.endedOn(), participant, errors, "endedOn");
        }
        if (errors.hasErrors()) {
            model.addAttribute("move", ParticipantMove.empty());
            return showRecord(participant, me, model);
        }
        records.end(me, publicId, ending.status(), ending.endedOn(), ending.reason());
        return "redirect:/practice/participants/" + publicId + "?ended";
    }

    @PostMapping("/practice/participants/{publicId}/move")
    String move(@PathVariable String publicId, @AuthenticationPrincipal SignedInAccount me,
            @Valid @ModelAttribute("move") ParticipantMove move, BindingResult errors, Model model) {
        Participant participant = records.open(me, publicId, ParticipantRecords.Use.READ, "record");
        if (move != null) {
            checkDay(move.movedOn(), participant, errors, "movedOn");
        }
        if (!errors.hasErrors() && !records.move(me, publicId, move.groupId(), move.movedOn())) {
            FormErrors.reject(errors, "groupId", "participant.group.notOffered");
        }
        if (errors.hasErrors()) {
            model.addAttribute("ending", ParticipantEnding.empty());
            return showRecord(participant, me, model);
        }
        return "redirect:/practice/participants/" + publicId + "?moved";
    }

    /** The participant's whole record as a readable PDF, in the language asked for (the participant's). */
    @GetMapping("/practice/participants/{publicId}/record.pdf")
    ResponseEntity<byte[]> recordPdf(@PathVariable String publicId, @RequestParam(required = false) String lang,
            @AuthenticationPrincipal SignedInAccount me, Locale locale) {
        Participant participant = records.open(me, publicId, ParticipantRecords.Use.READ, "export");
        return PrivateDownload.of(MediaType.APPLICATION_PDF, "participant-record.pdf",
                export.pdf(participant, PrintLanguage.of(lang, locale)));
    }

    /** The same record as JSON, for a program's own systems. */
    @GetMapping("/practice/participants/{publicId}/record.json")
    ResponseEntity<ParticipantExport.ExportedRecord> recordJson(@PathVariable String publicId,
            @RequestParam(required = false) String lang, @AuthenticationPrincipal SignedInAccount me, Locale locale) {
        Participant participant = records.open(me, publicId, ParticipantRecords.Use.READ, "export");
        return PrivateDownload.of(MediaType.APPLICATION_JSON, "participant-record.json",
                export.of(participant, PrintLanguage.of(lang, locale)));
    }

    @PostMapping("/practice/participants/{publicId}/erasure")
    String erase(@PathVariable String publicId, @RequestParam(defaultValue = "") String confirmation,
            @AuthenticationPrincipal SignedInAccount me, Model model) {
        long groupId = records.open(me, publicId, ParticipantRecords.Use.READ, "record").groupId();
        if (!records.erase(me, publicId, confirmation)) {
            model.addAttribute("eraseRefused", true);
            return record(publicId, me, model);
        }
        return "redirect:/practice/groups/" + groupId + "/participants?erased";
    }

    /** A day something happened to the participant: not before they joined, not in the future. */
    private void checkDay(LocalDate day, Participant participant, BindingResult errors, String field) {
        if (day == null || errors.hasFieldErrors(field)) {
            return;
        }
        if (day.isAfter(LocalDate.now(clock))) {
            FormErrors.reject(errors, field, "participant.date.future");
        } else if (day.isBefore(participant.joinedOn())) {
            FormErrors.reject(errors, field, "participant.date.beforeJoining");
        }
    }

    private String showRoster(long groupId, SignedInAccount me, Model model) {
        model.addAttribute("participants", records.inGroup(me, groupId, "roster"));
        model.addAttribute("group", programs.group(groupId).orElseThrow());
        return "participants/roster";
    }

    private String showRecord(Participant participant, SignedInAccount me, Model model) {
        model.addAttribute("participant", participant);
        model.addAttribute("group", programs.group(participant.groupId()).orElseThrow());
        model.addAttribute("otherGroups", groupsOf(me).stream()
                .filter(g -> g.programId() == participant.programId() && g.id() != participant.groupId()).toList());
        return "participants/record";
    }

    /** The groups the person may work with (as {@link ParticipantRecords#mayWorkWith}), in one query. */
    private List<ImrGroup> groupsOf(SignedInAccount me) {
        return ParticipantRecords.administers(me) ? programs.groups() : programs.groupsLedBy(me.accountId());
    }
}
