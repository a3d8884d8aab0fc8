package org.imrplatform.outcomes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.imrplatform.shared.PdfFonts;
import org.imrplatform.shared.PdfText;
import org.imrplatform.needs.NeedsAssessments;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The outcomes as the center's one-page panel (portrait US Letter): a headline sentence, three tiles (needs
 * assessment rank, events, products), the four satisfaction percentages, and who was reached by state or territory
 * and discipline. Every number comes from the same {@link OutcomeFigures} as the dashboard.
 */
@Component
class OutcomesSummaryPdf {

    private static final PDRectangle PAGE = PDRectangle.LETTER;
    private static final float MARGIN = 54;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float[] BLUE = {11 / 255f, 61 / 255f, 102 / 255f};

    private final MessageSource messages;

    OutcomesSummaryPdf(MessageSource messages) {
        this.messages = messages;
    }

    byte[] render(OutcomeFigures.Figures figures, NeedsAssessments.Standing standing, Locale locale) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            String area = figures.area() == null ? text("outcomes.allAreas", locale) : figures.area();
            document.getDocumentInformation().setTitle(text("outcomes.pdf.title", locale) + ": " + area);
            document.getDocumentInformation().setAuthor(text("app.name", locale));
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                new Sheet(content, PdfFonts.regular(document), PdfFonts.bold(document), locale)
                        .draw(figures, standing, area);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** One page being drawn from the top down; {@code y} is the baseline of the next line. */
    private final class Sheet {

        private final PDPageContentStream content;
        private final PDFont regular;
        private final PDFont bold;
        private final Locale locale;
        private float y = PAGE.getHeight() - MARGIN;

        Sheet(PDPageContentStream content, PDFont regular, PDFont bold, Locale locale) {
            this.content = content;
            this.regular = regular;
            this.bold = bold;
            this.locale = locale;
        }

        void draw(OutcomeFigures.Figures figures, NeedsAssessments.Standing standing, String area) throws IOException {
            y -= 10;
            line(bold, 22, text("outcomes.pdf.title", locale) + ": " + area, MARGIN);
            y -= 20;
            line(regular, 12, text("outcomes.period", locale, date(figures.from()), date(figures.to())), MARGIN);
            y -= 30;
            paragraph(regular, 14, text("outcomes.pdf.headline", locale, figures.participants(),
                    figures.completions()), MARGIN, WIDTH);
            y -= 10;
            String rank = standing == null ? "—"
                    : standing.rank() != null ? standing.rank() + " / " + standing.areas() : standing.percent() + "%";
            tiles(List.of(rank, String.valueOf(figures.events()), String.valueOf(figures.products())),
                    List.of(text("outcomes.rank", locale), text("outcomes.events", locale),
                            text("outcomes.products", locale)), 26, 86);
            y -= 30;
            paragraph(bold, 13, text("outcomes.satisfaction", locale), MARGIN, WIDTH);
            List<String> percents = new ArrayList<>();
            List<String> captions = new ArrayList<>();
            for (OutcomeFigures.Satisfaction s : figures.satisfaction()) {
                percents.add(s.respondents() == 0 ? "—" : s.percent() + "%");
                captions.add(text("outcomes.item." + s.item(), locale) + " · "
                        + text("outcomes.pdf.respondents", locale, s.respondents()));
            }
            tiles(percents, captions, 26, 96);
            y -= 30;
            breakdown(text("outcomes.byRegion", locale), figures.byRegion(), "region.", figures.participants());
            breakdown(text("outcomes.byDiscipline", locale), figures.byDiscipline(), "discipline.",
                    figures.participants());
            line(regular, 9, text("outcomes.pdf.generated", locale, date(LocalDate.now())), MARGIN);
        }

        /** A row of boxes, each with a large figure and a caption wrapped under it. */
        private void tiles(List<String> figures, List<String> captions, float size, float height) throws IOException {
            float gap = 12;
            float width = (WIDTH - gap * (figures.size() - 1)) / figures.size();
            float top = y;
            for (int i = 0; i < figures.size(); i++) {
                float x = MARGIN + i * (width + gap);
                content.setStrokingColor(BLUE[0], BLUE[1], BLUE[2]);
                content.setLineWidth(1.5f);
                content.addRect(x, top - height, width, height);
                content.stroke();
                y = top - size - 8;
                line(bold, size, figures.get(i), x + 8);
                y -= 14;
                paragraph(regular, 9, captions.get(i), x + 8, width - 16);
            }
            y = top - height;
        }

        private void breakdown(String heading, Map<String, Long> people, String keyPrefix, long total)
                throws IOException {
            paragraph(bold, 12, heading, MARGIN, WIDTH);
            List<String> parts = new ArrayList<>();
            people.forEach((key, count) -> parts.add(text(keyPrefix + key, locale) + ": " + count
                    + (total == 0 ? "" : " (" + Share.percent(count, total) + "%)")));
            paragraph(regular, 10, parts.isEmpty() ? "—" : String.join(" · ", parts), MARGIN, WIDTH);
            y -= 12;
        }

        /** Lines of text broken at spaces to fit the width, leaving {@code y} under the last one. */
        private void paragraph(PDFont font, float size, String words, float x, float width) throws IOException {
            for (String part : PdfText.wrap(font, size, PdfText.printable(font, words), width)) {
                show(font, size, part, x);
                y -= size * 1.35f;
            }
        }

        /** One line as it comes; area names are typed by people, so characters the font lacks are replaced. */
        private void line(PDFont font, float size, String words, float x) throws IOException {
            show(font, size, PdfText.printable(font, words), x);
        }

        private void show(PDFont font, float size, String printable, float x) throws IOException {
            content.beginText();
            content.setNonStrokingColor(0.1f, 0.1f, 0.1f);
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(printable);
            content.endText();
        }

        private String date(LocalDate date) {
            return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
        }
    }
}
