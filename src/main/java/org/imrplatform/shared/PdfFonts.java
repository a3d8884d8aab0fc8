package org.imrplatform.shared;

import java.io.IOException;
import java.io.InputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts every PDF of the platform uses: DejaVu Sans, embedded as a subset, so names print as typed, accents
 * and all (the standard 14 PDF fonts cannot show most of them).
 */
public final class PdfFonts {

    private PdfFonts() {
    }

    public static PDFont regular(PDDocument document) throws IOException {
        return load(document, "fonts/DejaVuSans.ttf");
    }

    public static PDFont bold(PDDocument document) throws IOException {
        return load(document, "fonts/DejaVuSans-Bold.ttf");
    }

    private static PDFont load(PDDocument document, String resource) throws IOException {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            return PDType0Font.load(document, in);
        }
    }
}
