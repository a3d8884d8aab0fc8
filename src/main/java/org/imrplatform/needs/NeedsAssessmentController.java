package org.imrplatform.needs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.imrplatform.imports.PendingImports;
import org.imrplatform.imports.UploadedTable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators import a regional needs assessment so the outcomes page can show where an area ranks. It has no
 * preview: the file is checked whole and stored whole, or nothing is stored and every problem is listed.
 */
@Controller
@RequestMapping("/admin/needs-assessments")
class NeedsAssessmentController {

    private final NeedsAssessments assessments;
    private final MessageSource messages;

    NeedsAssessmentController(NeedsAssessments assessments, MessageSource messages) {
        this.assessments = assessments;
        this.messages = messages;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("form", NeedsAssessmentForm.empty());
        return "needs/needs-assessment";
    }

    @PostMapping
    String upload(@Valid @ModelAttribute("form") NeedsAssessmentForm form, BindingResult errors,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model, Locale locale,
            RedirectAttributes redirect) throws IOException {
        List<MessageSourceResolvable> problems = new ArrayList<>();
        UploadedTable.refusal(file).ifPresent(problems::add);
        if (problems.isEmpty() && !errors.hasErrors()) {
            problems.addAll(assessments.importFile(form.title(), form.conductedOn(), file.getBytes()));
        }
        if (errors.hasErrors() || !problems.isEmpty()) {
            model.addAttribute("problems", problems.stream().map(p -> messages.getMessage(p, locale)).toList());
            return "needs/needs-assessment";
        }
        redirect.addFlashAttribute("imported", form.title().trim());
        return "redirect:/admin/needs-assessments";
    }
}
