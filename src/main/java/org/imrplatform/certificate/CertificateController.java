package org.imrplatform.certificate;

import java.util.Locale;
import java.util.Map;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.course.Course;
import org.imrplatform.course.CourseCatalog;
import org.imrplatform.shared.PdfDocuments;
import org.imrplatform.shared.PublicAddress;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A learner downloads their own certificate (the address names no person: it is always the signed-in learner's);
 * anyone can check a certificate's code on the public verification page.
 */
@Controller
class CertificateController {

    private final CourseCatalog catalog;
    private final Certificates certificates;
    private final PdfDocuments pdfs;
    private final PublicAddress site;

    CertificateController(CourseCatalog catalog, Certificates certificates, PdfDocuments pdfs, PublicAddress site) {
        this.catalog = catalog;
        this.certificates = certificates;
        this.pdfs = pdfs;
        this.site = site;
    }

    @GetMapping("/my-learning/certificates/{courseId}")
    String standing(@PathVariable String courseId, @AuthenticationPrincipal SignedInAccount me, Model model,
            Locale locale) {
        Course course = catalog.require(courseId);
        Course translated = course.in(locale);
        model.addAttribute("course", translated);
        model.addAttribute("standing", certificates.standing(me.accountId(), courseId).name());
        model.addAttribute("certificate",
                certificates.issue(me, course).map(c -> c.readIn(course, translated)).orElse(null));
        return "certificate/standing";
    }

    @GetMapping("/my-learning/certificates/{courseId}.pdf")
    ResponseEntity<byte[]> download(@PathVariable String courseId, @AuthenticationPrincipal SignedInAccount me,
            Locale locale) {
        Course course = catalog.require(courseId);
        Certificate certificate = certificates.issue(me, course).map(c -> c.readIn(course, course.in(locale)))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // The address of this certificate's verification: pasted from the PDF, it shows the verification at once.
        // (The code's letters, digits and hyphen need no encoding.)
        String verify = site.link("/certificates/verify") + "?code=" + certificate.code();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("certificate-" + courseId + ".pdf").build().toString())
                .body(pdfs.render("certificate/certificate-pdf",
                        Map.of("certificate", certificate, "verifyAddress", verify), locale));
    }

    /** The code typed on the verification page; one holding a control character is explained on the field. */
    record VerificationCode(String code) {
    }

    @GetMapping("/certificates/verify")
    String verify(@ModelAttribute("verification") VerificationCode verification, BindingResult errors, Model model) {
        boolean checked = !errors.hasErrors() && verification.code() != null;
        model.addAttribute("checked", checked);
        if (checked) {
            model.addAttribute("certificate", certificates.verify(verification.code()).orElse(null));
        }
        return "certificate/verify";
    }

}
