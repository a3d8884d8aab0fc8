package org.imrplatform.outcomes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.imrplatform.overview.PracticeFigures;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The outcome figures as one table (figure, value, respondents), written as CSV or as an Excel workbook. */
@Component
class OutcomesTable {

    private static final Pattern FIGURE = Pattern.compile("[+-]?\\d+(\\.\\d+)?%?");

    private final MessageSource messages;

    OutcomesTable(MessageSource messages) {
        this.messages = messages;
    }

    List<List<String>> rows(OutcomeFigures.Figures figures, PracticeFigures.Figures practice, Locale locale) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(text("export.figure", locale), text("export.value", locale), text("outcomes.respondents", locale)));
        rows.add(List.of(text("outcomes.period", locale, figures.from(), figures.to()), "", ""));
        rows.add(List.of(figures.area() == null ? text("outcomes.allAreas", locale)
                : text("outcomes.area", locale, figures.area()), "", ""));
        rows.add(List.of(text("outcomes.participants", locale), String.valueOf(figures.participants()), ""));
        rows.add(List.of(text("outcomes.enrollments", locale), String.valueOf(figures.enrollments()), ""));
        rows.add(List.of(text("outcomes.completions", locale), String.valueOf(figures.completions()), ""));
        rows.add(List.of(text("outcomes.events", locale), String.valueOf(figures.events()), ""));
        rows.add(List.of(text("outcomes.products", locale), String.valueOf(figures.products()), ""));
        for (OutcomeFigures.Satisfaction s : figures.satisfaction()) {
            rows.add(List.of(text("outcomes.item." + s.item(), locale),
                    s.respondents() == 0 ? "" : s.percent() + "%", String.valueOf(s.respondents())));
        }
        rows.add(List.of(text("outcomes.practice.activePrograms", locale), String.valueOf(practice.activePrograms()),
                ""));
        rows.add(List.of(text("outcomes.practice.activeGroups", locale), String.valueOf(practice.activeGroups()), ""));
        rows.add(List.of(text("outcomes.practice.sessions", locale), String.valueOf(practice.sessionsHeld()), ""));
        rows.add(List.of(text("outcomes.practice.served", locale), String.valueOf(practice.participantsServed()),
                ""));
        rows.add(List.of(text("outcomes.practice.withGoal", locale), practice.goalShare() + "%",
                String.valueOf(practice.participantsServed())));
        rows.add(List.of(text("outcomes.practice.withPlan", locale), practice.planShare() + "%",
                String.valueOf(practice.participantsServed())));
        rows.add(List.of(text("outcomes.practice.clientChange", locale), blank(practice.client().text()),
                String.valueOf(practice.client().people())));
        rows.add(List.of(text("outcomes.practice.clinicianChange", locale), blank(practice.clinician().text()),
                String.valueOf(practice.clinician().people())));
        figures.byRegion().forEach((region, people) -> rows.add(List.of(
                text("export.inRegion", locale, text("region." + region, locale)), String.valueOf(people), "")));
        figures.byDiscipline().forEach((discipline, people) -> rows.add(List.of(
                text("export.inDiscipline", locale, text("discipline." + discipline, locale)), String.valueOf(people),
                "")));
        return rows;
    }

    private static String blank(String text) {
        return text == null ? "" : text;
    }

    byte[] csv(List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT)) {
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(OutcomesTable::inert).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    byte[] xlsx(List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(bytes, "IMR Platform", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Outcomes");
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String value = rows.get(r).get(c);
                    if (r > 2 && c > 0 && value.matches("\\d+")) {
                        sheet.value(r, c, Long.parseLong(value));
                    } else {
                        sheet.value(r, c, value);
                    }
                }
            }
            sheet.style(0, 0).bold().set();
            sheet.style(0, 1).bold().set();
            sheet.style(0, 2).bold().set();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A CSV cell a spreadsheet will not run: text typed by people (an area of focus) that starts like a formula
     * gets a leading apostrophe. Figures ("12", "67%", "+0.50") stay as they are. Workbook cells are written as
     * text, which a spreadsheet never runs.
     */
    static String inert(String cell) {
        if (cell.isEmpty() || FIGURE.matcher(cell).matches() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0) {
            return cell;
        }
        return "'" + cell;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
