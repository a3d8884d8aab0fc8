package org.imrplatform.areas;

import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The center's public pages for its areas of focus: no sign-in, in the interface's language, and as one-page PDF. */
@Controller
class AreaController {

    /** An area's address: lower-case letters, digits and hyphens. */
    static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

    private final AreaPages pages;
    private final AreaViews views;

    /** An area in the list of pages: its address and its name in the reader's language. */
    record Listed(String slug, AreaView.AreaName name) {
    }

    AreaController(AreaPages pages, AreaViews views) {
        this.pages = pages;
        this.views = views;
    }

    @GetMapping("/areas")
    String list(Locale locale, Model model) {
        model.addAttribute("pages", pages.all().stream()
                .map(page -> new Listed(page.slug(), AreaView.AreaName.of(page, locale.getLanguage()))).toList());
        return "areas/list";
    }

    @GetMapping("/areas/{slug}")
    String page(@PathVariable String slug, Locale locale, Model model) {
        model.addAttribute("view", view(slug, locale));
        return "areas/page";
    }

    @GetMapping("/areas/{slug}/summary.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String slug, Locale locale) {
        checked(slug);
        byte[] pdf = views.pdf(slug, locale).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(slug + ".pdf").build().toString())
                .body(pdf);
    }

    private AreaView view(String slug, Locale locale) {
        checked(slug);
        return views.of(slug, locale).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** An address that cannot be an area's is not found, without asking the database. */
    private static void checked(String slug) {
        if (slug.length() > 40 || !slug.matches(SLUG)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
