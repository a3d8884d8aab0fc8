package org.imrplatform.sessions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.participants.Participant;
import org.imrplatform.practice.Programs;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A group's page (its sessions, the curriculum covered, each participant's attendance) and the form a facilitator
 * of the group, or an administrator, records or corrects a session with. Anyone else gets 404.
 */
@Controller
class SessionController {

    private final SessionBook book;
    private final Curriculum curriculum;
    private final Programs programs;
    private final Clock clock;

    SessionController(SessionBook book, Curriculum curriculum, Programs programs, Clock clock) {
        this.book = book;
        this.curriculum = curriculum;
        this.programs = programs;
        this.clock = clock;
    }

    @ModelAttribute("curriculum")
    Curriculum curriculum() {
        return curriculum;
    }

    @ModelAttribute("agendaParts")
    AgendaPart[] agendaParts() {
        return AgendaPart.values();
    }

    @GetMapping("/practice/groups/{groupId}")
    String group(@PathVariable long groupId, @AuthenticationPrincipal SignedInAccount me, Model model) {
        model.addAttribute("page", book.page(me, groupId));
        model.addAttribute("group", programs.group(groupId).orElseThrow());
        return "sessions/group";
    }

    @GetMapping("/practice/groups/{groupId}/sessions/new")
    String blank(@PathVariable long groupId, @AuthenticationPrincipal SignedInAccount me, Model model) {
        SessionForm form = new SessionForm();
        form.setHeldOn(LocalDate.now(clock));
        return show(groupId, form, book.roster(me, groupId), null, model);
    }

    @PostMapping("/practice/groups/{groupId}/sessions")
    String record(@PathVariable long groupId, @AuthenticationPrincipal SignedInAccount me,
            @Valid @ModelAttribute("sessionForm") SessionForm form, BindingResult errors, Model model) {
        return save(groupId, null, me, form, errors, model);
    }

    @GetMapping("/practice/groups/{groupId}/sessions/{sessionId}")
    String recorded(@PathVariable long groupId, @PathVariable long sessionId,
            @AuthenticationPrincipal SignedInAccount me, Model model) {
        SessionBook.Sheet sheet = book.open(me, groupId, sessionId);
        return show(groupId, sheet.form(), sheet.roster(), sessionId, model);
    }

    @PostMapping("/practice/groups/{groupId}/sessions/{sessionId}")
    String correct(@PathVariable long groupId, @PathVariable long sessionId,
            @AuthenticationPrincipal SignedInAccount me, @Valid @ModelAttribute("sessionForm") SessionForm form,
            BindingResult errors, Model model) {
        return save(groupId, sessionId, me, form, errors, model);
    }

    private String save(long groupId, Long sessionId, SignedInAccount me, SessionForm form, BindingResult errors,
            Model model) {
        SessionBook.Sheet sheet;
        try {
            sheet = book.save(me, groupId, sessionId, form, errors);
        } catch (DuplicateKeyException e) {
            // The same form sent twice at once: the database kept the first; nothing of this one is stored.
            errors.rejectValue("heldOn", "sessions.heldOn.taken", new Object[] {form.getHeldOn().toString()}, null);
            return show(groupId, form, book.roster(me, groupId), sessionId, model);
        }
        if (sheet.saved().isEmpty()) {
            return show(groupId, form, sheet.roster(), sessionId, model);
        }
        return "redirect:/practice/groups/" + groupId + (sessionId == null ? "?recorded" : "?corrected");
    }

    /** The form for a new session ({@code sessionId} null) or for correcting a recorded one. */
    private String show(long groupId, SessionForm form, List<Participant> roster, Long sessionId, Model model) {
        model.addAttribute("group", programs.group(groupId).orElseThrow());
        model.addAttribute("sessionForm", form);
        model.addAttribute("roster", roster);
        model.addAttribute("sessionId", sessionId);
        return "sessions/form";
    }
}
