package org.imrplatform.outcomes;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators import a regional needs assessment so the outcomes page can show where an area ranks. */
@Controller
@RequestMapping("/admin/needs-assessments")
class NeedsAssessmentController {

    private final NeedsAssessments assessments;

    NeedsAssessmentController(NeedsAssessments assessments) {
        this.assessments = assessments;
    }

    @GetMapping
    String form() {
        return "outcomes/needs-assessment";
    }

    @PostMapping
    String upload(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String conductedOn,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            RedirectAttributes redirect) throws IOException {
        List<String> problems = new ArrayList<>();
        if (title.isBlank() || title.length() > 300) {
            problems.add("Enter the assessment's title (up to 300 characters).");
        }
        LocalDate date = null;
        try {
            date = LocalDate.parse(conductedOn.trim());
        } catch (DateTimeParseException e) {
            problems.add("Enter the date the assessment was conducted, as YYYY-MM-DD.");
        }
        UploadedTable.refusal(file).ifPresent(problems::add);
        if (problems.isEmpty()) {
            problems.addAll(assessments.importFile(title, date, file.getBytes()));
        }
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            model.addAttribute("assessmentTitle", title);
            model.addAttribute("conductedOn", conductedOn);
            return "outcomes/needs-assessment";
        }
        redirect.addFlashAttribute("imported", title.trim());
        return "redirect:/admin/needs-assessments";
    }
}
