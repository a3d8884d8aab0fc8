package org.imrplatform.areas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.imrplatform.shared.PdfDocuments;
import org.springframework.stereotype.Component;

/**
 * Prints an area's page as the one-page sheet (PdfDocuments): the largest budget that fits on one page wins, so
 * long texts are cut short, with a link to the full page, rather than spilling onto a second page.
 */
@Component
class AreaSheetPrinter {

    private final PdfDocuments pdfs;

    AreaSheetPrinter(PdfDocuments pdfs) {
        this.pdfs = pdfs;
    }

    byte[] print(AreaView view, Locale locale) {
        byte[] pdf = null;
        for (AreaSheet.Budget budget : AreaSheet.BUDGETS) {
            pdf = pdfs.render("areas/page-pdf", Map.of("sheet", AreaSheet.of(view, budget)), locale);
            if (pages(pdf) == 1) {
                return pdf;
            }
        }
        return pdf;
    }

    private static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the printed sheet", e);
        }
    }
}
