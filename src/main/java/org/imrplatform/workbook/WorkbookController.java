package org.imrplatform.workbook;

import java.util.Locale;
import java.util.Map;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.shared.PdfDocuments;
import org.imrplatform.shared.PrintLanguage;
import org.imrplatform.shared.PrivateDownload;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The participant's own workbook, printed for them in English or Spanish whatever language the facilitator reads
 * the site in: the week's home assignment, their goal tracking sheet and their relapse prevention plan in one PDF.
 */
@Controller
class WorkbookController {

    /** The languages the workbook is printed in, by the value the record page links to. */

    private final Workbooks workbooks;
    private final PdfDocuments pdfs;

    WorkbookController(Workbooks workbooks, PdfDocuments pdfs) {
        this.workbooks = workbooks;
        this.pdfs = pdfs;
    }

    /** Without a language, the one the facilitator reads the site in; any other value than en or es is refused. */
    @GetMapping("/practice/participants/{publicId}/workbook.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String publicId, @RequestParam(required = false) String language,
            @AuthenticationPrincipal SignedInAccount me, Locale reading) {
        Locale printed = PrintLanguage.of(language, reading);
        Workbook workbook = workbooks.of(me, publicId, printed);
        // Never cached; the file name names no one: the participant's code stays inside the document.
        return PrivateDownload.of(MediaType.APPLICATION_PDF, "workbook.pdf",
                pdfs.render("workbook/workbook-pdf", Map.of("workbook", workbook), printed));
    }
}
