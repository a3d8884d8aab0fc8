package org.imrplatform.events;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;

import org.imrplatform.account.Region;
import org.imrplatform.account.SignedInAccount;
import org.imrplatform.imports.PendingImports;
import org.imrplatform.imports.UploadedTable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators record events and import their attendance (a registration export) and post-event surveys. An
 * import is always previewed first (what would be added, what is already there, what is rejected and why); nothing
 * is saved until the administrator confirms, and confirming the same file again adds nobody twice. The previewed
 * file waits on the server ({@link PendingImports}); the confirmation names it by a random id.
 */
@Controller
@RequestMapping("/admin/events")
class EventController {

    private final OutreachEvents events;
    private final EventImports imports;

    EventController(OutreachEvents events, EventImports imports) {
        this.events = events;
        this.imports = imports;
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
        return "events/events";
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") EventForm form, BindingResult errors, Model model) {
        // When a value could not even be converted (not a date, not a choice) there is no form object to check.
        if (errors.getTarget() != null && form.endsBeforeItStarts()) {
            errors.rejectValue("endsOn", "event.endsOn.beforeStart");
        }
        if (errors.hasErrors()) {
            model.addAttribute("events", events.all());
            return "events/events";
        }
        return "redirect:/admin/events/" + events.create(form);
    }

    @GetMapping("/{id}")
    String event(@PathVariable long id, Model model) {
        model.addAttribute("event", event(id));
        return "events/event";
    }

    @PostMapping("/{id}/{kind:" + EventImport.PATHS + "}/preview")
    String preview(@PathVariable long id, @PathVariable String kind,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal SignedInAccount me, Model model) throws IOException {
        EventImport what = EventImport.ofPath(kind);
        model.addAttribute("event", event(id));
        Optional<MessageSourceResolvable> refusal = UploadedTable.refusal(file);
        if (refusal.isPresent()) {
            return problems(List.of(refusal.get()), model);
        }
        EventImports.Preview preview = imports.preview(me.accountId(), id, what, file.getBytes());
        model.addAttribute("importKind", what.path());
        model.addAttribute("fresh", preview.fresh());
        model.addAttribute("already", preview.already());
        model.addAttribute("rejected", preview.file().rejected());
        model.addAttribute("dropped", preview.file().dropped());
        model.addAttribute("pending", preview.pendingId());
        return problems(preview.file().fileProblems(), model);
    }

    @PostMapping("/{id}/{kind:" + EventImport.PATHS + "}")
    String confirm(@PathVariable long id, @PathVariable String kind,
            @RequestParam(name = "pending", defaultValue = "") String pending,
            @AuthenticationPrincipal SignedInAccount me, RedirectAttributes redirect, Model model) {
        EventImport what = EventImport.ofPath(kind);
        OutreachEvent event = event(id);
        EventImports.Confirmation done = imports.confirm(me.accountId(), id, what, pending);
        if (!done.problems().isEmpty()) {
            model.addAttribute("event", event);
            return problems(done.problems(), model);
        }
        redirect.addFlashAttribute("importedKind", what.path());
        redirect.addFlashAttribute("added", done.added());
        redirect.addFlashAttribute("skipped", done.skipped());
        redirect.addFlashAttribute("rejectedCount", done.rejected());
        return "redirect:/admin/events/" + id;
    }

    /** The event page with the file's problems (none: the preview alone), told in the reader's language there. */
    private String problems(List<MessageSourceResolvable> problems, Model model) {
        model.addAttribute("fileProblems", problems);
        return "events/event";
    }

    private OutreachEvent event(long id) {
        return events.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
