package org.imrplatform.needs;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.imports.PendingImports;
import org.imrplatform.imports.UploadedTable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
 * Administrators import a regional needs assessment so the outcomes page can show where an area ranks. Like an
 * event's imports, the file is previewed first with its title and date (every area, every row's problem, whether the
 * assessment is already stored) and nothing is saved until the administrator confirms; the previewed file waits on
 * the server ({@link PendingImports}) and the confirmation names it by a random id alone.
 */
@Controller
@RequestMapping("/admin/needs-assessments")
class NeedsAssessmentController {

    private final NeedsImports imports;

    NeedsAssessmentController(NeedsImports imports) {
        this.imports = imports;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("form", NeedsAssessmentForm.empty());
        return "needs/needs-assessment";
    }

    @PostMapping("/preview")
    String preview(@Valid @ModelAttribute("form") NeedsAssessmentForm form, BindingResult errors,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal SignedInAccount me, Model model) throws IOException {
        Optional<MessageSourceResolvable> refusal = UploadedTable.refusal(file);
        if (errors.hasErrors() || refusal.isPresent()) {
            return problems(refusal.stream().toList(), model);
        }
        NeedsImports.Preview preview = imports.preview(me.accountId(), form, file.getBytes());
        model.addAttribute("preview", preview);
        return problems(preview.file().fileProblems(), model);
    }

    @PostMapping
    String confirm(@RequestParam(name = "pending", defaultValue = "") String pending,
            @AuthenticationPrincipal SignedInAccount me, RedirectAttributes redirect, Model model) {
        NeedsImports.Confirmation done;
        try {
            done = imports.confirm(me.accountId(), pending);
        } catch (DuplicateKeyException e) {
            done = NeedsImports.Confirmation.refused(UploadedTable.problem("needs.alreadyMeanwhile"));
        }
        if (!done.problems().isEmpty()) {
            model.addAttribute("form", NeedsAssessmentForm.empty());
            return problems(done.problems(), model);
        }
        redirect.addFlashAttribute("imported", done.stored().title());
        return "redirect:/admin/needs-assessments";
    }

    /** The page with the problems that stop the import, if any; they are told in the reader's language there. */
    private static String problems(List<MessageSourceResolvable> problems, Model model) {
        model.addAttribute("problems", problems);
        return "needs/needs-assessment";
    }
}
