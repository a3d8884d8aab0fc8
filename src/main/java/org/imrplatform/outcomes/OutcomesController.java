package org.imrplatform.outcomes;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.server.ResponseStatusException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The outcomes panel for a period: participants, enrollments, completions, events and satisfaction. */
@Controller
class OutcomesController {

    /** The center's own area of focus, used when the page is not asked about another. */
    static final String DEFAULT_AREA = "Illness Management and Recovery";

    private final OutcomeFigures figures;
    private final OutcomesTable table;
    private final NeedsAssessments needs;

    OutcomesController(OutcomeFigures figures, OutcomesTable table, NeedsAssessments needs) {
        this.figures = figures;
        this.table = table;
        this.needs = needs;
    }

    @GetMapping("/admin/outcomes")
    String outcomes(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = DEFAULT_AREA) String area, Model model) {
        LocalDate today = LocalDate.now();
        LocalDate start = date(from, today.minusYears(1), "from", model);
        LocalDate end = date(to, today, "to", model);
        if (end.isBefore(start)) {
            model.addAttribute("rangeError", "outcomes.range.backwards");
            end = start;
        }
        model.addAttribute("figures", figures.between(start, end));
        model.addAttribute("area", area);
        model.addAttribute("standing", needs.standing(area, end).orElse(null));
        return "outcomes/dashboard";
    }

    @GetMapping("/admin/outcomes/export.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Locale locale) {
        return download(table.csv(rows(from, to, locale)), "outcomes.csv", new MediaType("text", "csv",
                StandardCharsets.UTF_8));
    }

    @GetMapping("/admin/outcomes/export.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Locale locale) {
        return download(table.xlsx(rows(from, to, locale)), "outcomes.xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    private List<List<String>> rows(String from, String to, Locale locale) {
        Model ignored = new ExtendedModelMap();
        LocalDate start = date(from, LocalDate.now().minusYears(1), "from", ignored);
        LocalDate end = date(to, LocalDate.now(), "to", ignored);
        if (ignored.containsAttribute("rangeError") || end.isBefore(start)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Use dates like 2026-01-31, the end not before the start");
        }
        return table.rows(figures.between(start, end), locale);
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
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
