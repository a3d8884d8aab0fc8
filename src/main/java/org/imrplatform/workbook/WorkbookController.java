package org.imrplatform.workbook;

import java.util.Locale;
import java.util.Map;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.shared.PdfDocuments;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The participant's own workbook, printed for them in English or Spanish whatever language the facilitator reads
 * the site in: the week's home assignment, their goal tracking sheet and their relapse prevention plan in one PDF.
 */
@Controller
class WorkbookController {

    /** The languages the workbook is printed in, by the value the record page links to. */
    private static final Map<String, Locale> LANGUAGES = Map.of("en", Locale.ENGLISH, "es",
            Locale.forLanguageTag("es"));

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
        Locale printed = language == null ? LANGUAGES.getOrDefault(reading.getLanguage(), Locale.ENGLISH)
                : LANGUAGES.get(language);
        if (printed == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        Workbook workbook = workbooks.of(me, publicId, printed);
        // Never cached; the file name names no one: the participant's code stays inside the document.
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("workbook.pdf").build().toString())
                .body(pdfs.render("workbook/workbook-pdf", Map.of("workbook", workbook), printed));
    }
}
