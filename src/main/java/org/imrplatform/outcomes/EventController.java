package org.imrplatform.outcomes;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;

import org.imrplatform.account.Region;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators record events and import their attendance (a registration export) and post-event surveys. An
 * import is always previewed first (what would be added, what is already there, what is rejected and why); nothing
 * is saved until the administrator confirms, and confirming the same file again adds nobody twice.
 */
@Controller
@RequestMapping("/admin/events")
class EventController {

    private final OutreachEvents events;

    EventController(OutreachEvents events) {
        this.events = events;
    }

    @ModelAttribute("kinds")
    EventKind[] kinds() {
        return EventKind.values();
    }

    @ModelAttribute("formats")
    EventFormat[] formats() {
        return EventFormat.values();
    }

    @ModelAttribute("regions")
    Region[] regions() {
        return Region.values();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("events", events.all());
        model.addAttribute("form", EventForm.empty());
        return "outcomes/events";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") EventForm form, BindingResult errors, Model model) {
        // When a value could not even be converted (not a date, not a choice) there is no form object to check.
        if (errors.getTarget() != null && form.endsBeforeItStarts()) {
            errors.rejectValue("endsOn", "event.endsOn.beforeStart");
        }
        if (errors.hasErrors()) {
            model.addAttribute("events", events.all());
            return "outcomes/events";
        }
        return "redirect:/admin/events/" + events.create(form);
    }

    @GetMapping("/{id}")
    String event(@PathVariable long id, Model model) {
        model.addAttribute("event", event(id));
        return "outcomes/event";
    }

    @PostMapping("/{id}/{kind:" + EventImport.PATHS + "}/preview")
    String preview(@PathVariable long id, @PathVariable String kind,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        EventImport what = EventImport.ofPath(kind);
        model.addAttribute("event", event(id));
        byte[] content = upload(file, model);
        if (content != null) {
            EventFile read = what.read(content);
            Set<String> known = events.keys(id, what);
            List<? extends EventFile.Entry> fresh = read.entries().stream()
                    .filter(entry -> !known.contains(entry.key())).toList();
            model.addAttribute("importKind", what.path());
            model.addAttribute("fileProblems", read.fileProblems());
            model.addAttribute("fresh", fresh);
            model.addAttribute("already", read.entries().size() - fresh.size());
            model.addAttribute("rejected", read.rejected());
            model.addAttribute("content", Base64.getEncoder().encodeToString(content));
        }
        return "outcomes/event";
    }

    @PostMapping("/{id}/{kind:" + EventImport.PATHS + "}")
    String confirm(@PathVariable long id, @PathVariable String kind, @RequestParam String content,
            RedirectAttributes redirect, Model model) {
        EventImport what = EventImport.ofPath(kind);
        OutreachEvent event = event(id);
        EventFile file = what.read(decode(content));
        if (!file.fileProblems().isEmpty()) {
            model.addAttribute("event", event);
            model.addAttribute("fileProblems", file.fileProblems());
            return "outcomes/event";
        }
        int added = events.record(id, what, file.entries());
        redirect.addFlashAttribute("added", added);
        redirect.addFlashAttribute("skipped", file.entries().size() - added);
        redirect.addFlashAttribute("rejectedCount", file.rejected().size());
        return "redirect:/admin/events/" + id;
    }

    /** The uploaded bytes, or null with the reason in the model when there is no usable file. */
    private static byte[] upload(MultipartFile file, Model model) throws IOException {
        Optional<String> refusal = UploadedTable.refusal(file);
        refusal.ifPresent(reason -> model.addAttribute("fileProblems", List.of(reason)));
        return refusal.isPresent() ? null : file.getBytes();
    }

    private static byte[] decode(String content) {
        try {
            return Base64.getDecoder().decode(content);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
    }

    private OutreachEvent event(long id) {
        return events.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
