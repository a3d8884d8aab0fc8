package org.imrplatform.outcomes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The outcomes panel for a period: participants, enrollments, completions, events and satisfaction. */
@Controller
class OutcomesController {

    private final OutcomeFigures figures;

    OutcomesController(OutcomeFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/admin/outcomes")
    String outcomes(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Model model) {
        LocalDate today = LocalDate.now();
        LocalDate start = date(from, today.minusYears(1), "from", model);
        LocalDate end = date(to, today, "to", model);
        if (end.isBefore(start)) {
            model.addAttribute("rangeError", "outcomes.range.backwards");
            end = start;
        }
        model.addAttribute("figures", figures.between(start, end));
        return "outcomes/dashboard";
    }

    /** A date from the form, or the default when it is empty; a date that cannot be read is reported, not guessed. */
    private static LocalDate date(String value, LocalDate fallback, String field, Model model) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            model.addAttribute("rangeError", "outcomes.range.unreadable");
            return fallback;
        }
    }
}
