package org.imrplatform.practice;

import jakarta.validation.Valid;

import org.imrplatform.account.Accounts;
import org.imrplatform.account.Role;
import org.imrplatform.practice.ProgramForms.FacilitatorForm;
import org.imrplatform.practice.ProgramForms.GroupForm;
import org.imrplatform.practice.ProgramForms.ProgramForm;
import org.imrplatform.practice.ProgramForms.SiteForm;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Administrators record sites, their IMR programs and groups, and link facilitator accounts (accounts holding the
 * FACILITATOR role) to groups, or unlink them. Each form is checked on its own; a refused one is shown again with
 * its errors.
 */
@Controller
@RequestMapping("/admin/programs")
class ProgramAdminController {

    private static final String VIEW = "practice/programs";

    private final Programs programs;
    private final Accounts accounts;

    ProgramAdminController(Programs programs, Accounts accounts) {
        this.programs = programs;
        this.accounts = accounts;
    }

    @GetMapping
    String page(Model model) {
        return show(model);
    }

    @PostMapping("/sites")
    String addSite(@Valid @ModelAttribute("siteForm") SiteForm form, BindingResult errors, Model model) {
        return addUnique(errors, "siteName", () -> programs.addSite(form.siteName()), model);
    }

    @PostMapping("/programs")
    String addProgram(@Valid @ModelAttribute("programForm") ProgramForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors() && programs.sites().stream().noneMatch(s -> s.id() == form.siteId())) {
            errors.rejectValue("siteId", "programs.site.required");
        }
        return addUnique(errors, "programName", () -> programs.addProgram(form.siteId(), form.programName()), model);
    }

    @PostMapping("/groups")
    String addGroup(@Valid @ModelAttribute("groupForm") GroupForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors() && programs.program(form.programId()).isEmpty()) {
            errors.rejectValue("programId", "programs.program.required");
        }
        return addUnique(errors, "groupName", () -> programs.addGroup(form.programId(), form.groupName()), model);
    }

    @PostMapping("/facilitators")
    String link(@Valid @ModelAttribute("facilitatorForm") FacilitatorForm form, BindingResult errors, Model model) {
        // A field that could not be read at all leaves no form to check (its error is already there).
        boolean read = errors.getTarget() != null;
        if (read && !errors.hasFieldErrors("groupId") && programs.group(form.groupId()).isEmpty()) {
            errors.rejectValue("groupId", "programs.group.required");
        }
        if (read && !errors.hasFieldErrors("accountId")
                && accounts.find(form.accountId()).filter(a -> a.has(Role.FACILITATOR)).isEmpty()) {
            errors.rejectValue("accountId", "programs.facilitator.required");
        }
        if (errors.hasErrors()) {
            return show(model);
        }
        programs.link(form.groupId(), form.accountId());
        return "redirect:/admin/programs";
    }

    @PostMapping("/facilitators/remove")
    String unlink(@RequestParam long groupId, @RequestParam long accountId) {
        programs.unlink(groupId, accountId);
        return "redirect:/admin/programs";
    }

    /**
     * Adds a site, program or group when its form has no errors. A name already used at its level is refused by the
     * database's unique key, even between two nodes, and shown on the name's field.
     */
    private String addUnique(BindingResult errors, String nameField, Runnable insert, Model model) {
        if (!errors.hasErrors()) {
            try {
                insert.run();
                return "redirect:/admin/programs";
            } catch (DuplicateKeyException e) {
                errors.rejectValue(nameField, "programs.name.taken");
            }
        }
        return show(model);
    }

    private String show(Model model) {
        model.addAttribute("sites", programs.sites());
        model.addAttribute("programs", programs.programs());
        model.addAttribute("groups", programs.groups());
        model.addAttribute("links", programs.facilitators());
        model.addAttribute("facilitatorAccounts", accounts.withRole(Role.FACILITATOR));
        // A refused form is already in the model, with its errors; the others start empty.
        model.asMap().putIfAbsent("siteForm", new SiteForm(""));
        model.asMap().putIfAbsent("programForm", new ProgramForm(null, ""));
        model.asMap().putIfAbsent("groupForm", new GroupForm(null, ""));
        model.asMap().putIfAbsent("facilitatorForm", new FacilitatorForm(null, null));
        return VIEW;
    }
}
