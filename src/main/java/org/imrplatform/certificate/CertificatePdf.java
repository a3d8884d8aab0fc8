package org.imrplatform.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.imrplatform.shared.PdfFonts;
import org.imrplatform.shared.PdfText;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Draws a certificate as a one-page landscape US Letter PDF, in the platform's embedded fonts.
 */
@Component
class CertificatePdf {

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.LETTER.getHeight(), PDRectangle.LETTER.getWidth());

    private final MessageSource messages;

    CertificatePdf(MessageSource messages) {
        this.messages = messages;
    }

    byte[] render(Certificate certificate, String verifyAddress, Locale locale) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont regular = PdfFonts.regular(document);
            PDFont bold = PdfFonts.bold(document);
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(text("certificate.pdf.title", locale) + ": " + certificate.courseTitle());
            info.setAuthor(text("app.name", locale));
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setLineWidth(3);
                content.addRect(30, 30, PAGE.getWidth() - 60, PAGE.getHeight() - 60);
                content.stroke();
                float y = PAGE.getHeight() - 120;
                y = centered(content, bold, 30, text("certificate.pdf.title", locale), y) - 40;
                y = centered(content, regular, 14, text("certificate.pdf.certifies", locale), y) - 36;
                y = centered(content, bold, 26, certificate.learnerName(), y) - 36;
                y = centered(content, regular, 14, text("certificate.pdf.completed", locale), y) - 30;
                y = centered(content, bold, 18, certificate.courseTitle(), y) - 34;
                String date = certificate.completedOn()
                        .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
                y = centered(content, regular, 14, text("certificate.pdf.on", locale, date), y) - 24;
                if (certificate.hours() != null) {
                    y = centered(content, regular, 14, text("certificate.pdf.hours", locale, certificate.hours()), y);
                }
                centered(content, regular, 11, text("certificate.pdf.verify", locale, certificate.code(),
                        verifyAddress), 70);
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

    /** Writes one line centred on the page, shrinking the type if the line is wider than the page allows. */
    private static float centered(PDPageContentStream content, PDFont font, float size, String text, float y)
            throws IOException {
        String line = PdfText.printable(font, text);
        float maxWidth = PAGE.getWidth() - 120;
        float width = font.getStringWidth(line) / 1000 * size;
        if (width > maxWidth) {
            size = size * maxWidth / width;
            width = maxWidth;
        }
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset((PAGE.getWidth() - width) / 2, y);
        content.showText(line);
        content.endText();
        return y;
    }
}
