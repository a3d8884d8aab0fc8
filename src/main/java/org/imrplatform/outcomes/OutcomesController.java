package org.imrplatform.outcomes;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.imrplatform.needs.NeedsAssessments;
import org.imrplatform.overview.PracticeFigures;
import org.imrplatform.shared.PdfDocuments;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The outcomes panel for a period and area of focus, its downloads and its printable one-page summary. */
@Controller
class OutcomesController {

    /** The center's own area of focus, used when the page is not asked about another. */
    static final String DEFAULT_AREA = "Illness Management and Recovery";

    private final OutcomeFigures figures;
    private final PracticeFigures practice;
    private final OutcomesTable table;
    private final NeedsAssessments needs;
    private final PdfDocuments pdfs;
    private final Clock clock;

    OutcomesController(OutcomeFigures figures, OutcomesTable table, NeedsAssessments needs, PdfDocuments pdfs,
            PracticeFigures practice, Clock clock) {
        this.clock = clock;
        this.figures = figures;
        this.practice = practice;
        this.table = table;
        this.needs = needs;
        this.pdfs = pdfs;
    }

    @GetMapping("/admin/outcomes")
    String outcomes(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String area, Model model) {
        Asked asked = Asked.of(from, to, area, LocalDate.now(clock));
        model.addAttribute("rangeError", asked.error());
        model.addAttribute("panel", panel(asked.scope()));
        model.addAttribute("areas", areas(asked.scope()));
        return "outcomes/dashboard";
    }

    @GetMapping("/admin/outcomes/export.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String area, Locale locale) {
        return download(table.csv(rows(Asked.of(from, to, area, LocalDate.now(clock)), locale)), "outcomes.csv",
                new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    @GetMapping("/admin/outcomes/export.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String area, Locale locale) {
        return download(table.xlsx(rows(Asked.of(from, to, area, LocalDate.now(clock)), locale)), "outcomes.xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @GetMapping("/admin/outcomes/summary.pdf")
    ResponseEntity<byte[]> summary(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String area, Locale locale) {
        Asked asked = Asked.of(from, to, area, LocalDate.now(clock)).orRefuse();
        return download(pdfs.render("outcomes/summary-pdf", Map.of("panel", panel(asked.scope()),
                "computedOn", LocalDate.now(clock)), locale), "outcomes-summary.pdf", MediaType.APPLICATION_PDF);
    }

    /** The areas to choose from, the one asked about among them even before it has records. */
    private List<String> areas(OutcomeFigures.Scope scope) {
        List<String> areas = new ArrayList<>(figures.areas());
        if (scope.area() != null && areas.stream().noneMatch(scope.area()::equalsIgnoreCase)) {
            areas.add(0, scope.area());
        }
        return areas;
    }

    /** The figures with the area's needs assessment standing, as the page and the summary PDF show them. */
    private OutcomesPanel panel(OutcomeFigures.Scope scope) {
        return new OutcomesPanel(figures.of(scope),
                scope.area() == null ? null : needs.standing(scope.area(), scope.to()).orElse(null),
                practice.of(scope.from(), scope.to()));
    }

    private List<List<String>> rows(Asked asked, Locale locale) {
        OutcomeFigures.Scope scope = asked.orRefuse().scope();
        return table.rows(figures.of(scope), practice.of(scope.from(), scope.to()), locale);
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    /**
     * The period and area as asked in the address. Dates that cannot be read, or that run backwards, are reported on
     * the page (which then shows the default period) and refused for downloads: a file must say what was asked.
     * No area in the address means the center's own; an empty one means every area.
     */
    record Asked(OutcomeFigures.Scope scope, String error) {

        static Asked of(String from, String to, String area, LocalDate today) {
            String error = null;
            LocalDate start = today.minusYears(1);
            LocalDate end = today;
            try {
                start = from == null || from.isBlank() ? start : LocalDate.parse(from.trim());
                end = to == null || to.isBlank() ? end : LocalDate.parse(to.trim());
            } catch (DateTimeParseException e) {
                error = "outcomes.range.unreadable";
            }
            if (end.isBefore(start)) {
                error = "outcomes.range.backwards";
                end = start;
            }
            String focus = area == null ? DEFAULT_AREA : area.isBlank() ? null : area.trim();
            return new Asked(new OutcomeFigures.Scope(start, end, focus), error);
        }

        Asked orRefuse() {
            if (error != null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "Use dates like 2026-01-31, the end not before the start");
            }
            return this;
        }
    }
}
