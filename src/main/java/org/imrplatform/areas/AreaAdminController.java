package org.imrplatform.areas;

import jakarta.validation.Valid;

import org.imrplatform.shared.FormErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators keep the areas' public pages: add a page for an area of focus, and edit its texts, contact details
 * and the period of its figures. A form is saved only over the revision it was made from, so a stale or replayed
 * form changes nothing (and says so).
 */
@Controller
@RequestMapping("/admin/areas")
class AreaAdminController {

    private final AreaPages pages;
    private final String centerName;

    AreaAdminController(AreaPages pages, @Value("${imr.center.name}") String centerName) {
        this.pages = pages;
        this.centerName = centerName;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("form", NewAreaForm.empty());
        return show(model);
    }

    @PostMapping
    String add(@Valid @ModelAttribute("form") NewAreaForm form, BindingResult errors, Model model) {
        if (!errors.hasFieldErrors("slug") && form.slug().length() > 40) {
            FormErrors.reject(errors, "slug", "areas.slug.invalid");
        }
        if (!errors.hasErrors() && pages.exists(form.slug(), form.area().strip())) {
            FormErrors.reject(errors, "slug", "areas.slug.taken");
        }
        if (errors.hasErrors()) {
            return show(model);
        }
        try {
            pages.add(form.slug(), form.area().strip());
        } catch (DuplicateKeyException e) {
            // Another administrator added this address or area a moment before: both passed the check above.
            FormErrors.reject(errors, "slug", "areas.slug.taken");
            return show(model);
        }
        return "redirect:/admin/areas/" + form.slug();
    }

    @GetMapping("/{slug}")
    String edit(@PathVariable String slug, Model model) {
        AreaPage page = page(slug);
        model.addAttribute("form", AreaPageForm.of(page));
        return edit(page, model);
    }

    @PostMapping("/{slug}")
    String save(@PathVariable String slug, @Valid @ModelAttribute("form") AreaPageForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        AreaPage page = page(slug);
        if (form.periodFrom() != null && form.periodTo() != null && form.periodTo().isBefore(form.periodFrom())) {
            FormErrors.reject(errors, "periodTo", "areas.period.backwards");
        }
        if (errors.hasErrors()) {
            return edit(page, model);
        }
        if (!pages.save(slug, form)) {
            redirect.addFlashAttribute("stale", true);
        } else {
            redirect.addFlashAttribute("saved", true);
        }
        return "redirect:/admin/areas/" + slug;
    }

    private String edit(AreaPage page, Model model) {
        model.addAttribute("page", page);
        model.addAttribute("centerName", centerName);
        return "areas/edit";
    }

    private String show(Model model) {
        model.addAttribute("pages", pages.all());
        return "areas/admin";
    }

    private AreaPage page(String slug) {
        return pages.find(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
