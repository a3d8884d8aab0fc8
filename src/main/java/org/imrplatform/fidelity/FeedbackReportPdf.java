package org.imrplatform.fidelity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.imrplatform.fidelity.FeedbackReport.ItemResult;
import org.imrplatform.shared.PdfFonts;
import org.imrplatform.shared.PdfText;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The feedback report as a US Letter PDF: the same sections as the web page, text wrapped across pages. */
@Component
class FeedbackReportPdf {

    private static final float MARGIN = 56;
    private static final PDRectangle PAGE = PDRectangle.LETTER;

    private final MessageSource messages;

    FeedbackReportPdf(MessageSource messages) {
        this.messages = messages;
    }

    byte[] render(FeedbackReport report, Locale locale) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            String title = text(locale, "report.title", report.instrument().name());
            document.getDocumentInformation().setTitle(title);
            document.getDocumentInformation().setAuthor(text(locale, "app.name"));
            try (Writer writer = new Writer(document, PdfFonts.regular(document), PdfFonts.bold(document))) {
                writer.heading(title, 16);
                writer.paragraph(report.subject());
                writer.paragraph(text(locale, "report.pdf.reviewedOn", report.review().reviewedOn(),
                        report.review().revision()));
                ReviewScore score = report.score();
                writer.paragraph(text(locale, "report.pdf.score", score.meanText(), score.rated(), score.total(),
                        score.band().label()));
                writer.heading(text(locale, "report.strengths"), 13);
                for (ItemResult r : report.strengths()) {
                    writer.paragraph(itemLine(r, locale));
                }
                writer.heading(text(locale, "report.toDevelop", report.instrument().target()), 13);
                for (ItemResult r : report.toDevelop()) {
                    writer.bold(itemLine(r, locale));
                    writer.paragraph(r.item().suggestion());
                }
                writer.heading(text(locale, "report.pdf.ratings"), 13);
                for (ItemResult r : report.items()) {
                    String rating = r.notApplicable() ? text(locale, "review.notApplicable")
                            : r.rating() == null ? "—" : r.rating() + " — " + r.anchor();
                    writer.bold(r.item().number() + ". " + r.item().title() + ": " + rating);
                    if (r.notes() != null) {
                        writer.paragraph(text(locale, "report.pdf.notes", r.notes()));
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String itemLine(ItemResult r, Locale locale) {
        return text(locale, "report.itemRated", r.item().number(), r.item().title(), r.rating());
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** Writes lines top to bottom, wrapping words to the page width and starting a new page when one is full. */
    private static final class Writer implements AutoCloseable {

        private final PDDocument document;
        private final PDFont regular;
        private final PDFont bold;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document, PDFont regular, PDFont bold) throws IOException {
            this.document = document;
            this.regular = regular;
            this.bold = bold;
            newPage();
        }

        void heading(String text, float size) throws IOException {
            y -= size / 2;
            write(bold, size, text);
        }

        void bold(String text) throws IOException {
            write(bold, 10.5f, text);
        }

        void paragraph(String text) throws IOException {
            write(regular, 10.5f, text);
            y -= 4;
        }

        private void write(PDFont font, float size, String text) throws IOException {
            for (String paragraph : text.split("\\R")) {
                String printable = PdfText.printable(font, paragraph);
                for (String line : PdfText.wrap(font, size, printable, PAGE.getWidth() - 2 * MARGIN)) {
                    if (y < MARGIN + size) {
                        newPage();
                    }
                    y -= size * 1.35f;
                    content.beginText();
                    content.setFont(font, size);
                    content.newLineAtOffset(MARGIN, y);
                    content.showText(line);
                    content.endText();
                }
            }
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
        }

        @Override
        public void close() throws IOException {
            content.close();
        }
    }
}
