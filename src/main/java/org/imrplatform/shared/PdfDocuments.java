package org.imrplatform.shared;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.util.XRLog;

/**
 * The platform's PDFs (certificates, feedback reports, the outcomes summary): a Thymeleaf template, with the same
 * message keys as the pages, printed by openhtmltopdf as a tagged, accessible PDF (PDF/UA-1 and PDF/A-3u).
 * <p>
 * The templates are {@code templates/<module>/...-pdf.html} and use {@code pdf-layout}, which sets the document's
 * language ({@code <html lang>}, which becomes the PDF's), its title and description and the print style. Every
 * text is set in DejaVu Sans, embedded as a subset (PDF/A allows no other: text in a font that is not embedded fails
 * the rendering); characters it cannot show print as "?". Letters are printed one glyph each, never as a ligature
 * glyph (ﬁ, ﬀ), so text copied or searched in the PDF reads as typed. Nothing is fetched from the network: the only
 * resources a template may load are the application's own static files.
 */
@Component
public class PdfDocuments {

    /** The family name the print style asks for. */
    private static final String FONT_FAMILY = "DejaVu Sans";

    private static final byte[] REGULAR = read("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = read("fonts/DejaVuSans-Bold.ttf");
    /** The sRGB output intent PDF/A asks for; the JDK's own profile. */
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private final ITemplateEngine templates;
    private final MessageSource messages;

    PdfDocuments(ITemplateEngine templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
        // The renderer tells of every font it loads and every stylesheet it parses; only its warnings are kept.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    /** The template printed as a PDF in the given language, with the model's values. */
    public byte[] render(String template, Map<String, ?> model, Locale locale) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("pageNumbers", pageNumbers(locale));
        String html = templates.process(template, new Context(locale, variables));
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(document)
                    .usePdfUaAccessibility(true)
                    .usePdfAConformance(PdfAConformance.PDFA_3_U)
                    .useColorProfile(SRGB)
                    .useFont(font(document, REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true)
                    .useFont(font(document, BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true)
                    .withProducer("IMR Platform")
                    .useReplacementText("?")
                    .useUriResolver((base, uri) -> staticFile(uri))
                    .withHtmlContent(html, null)
                    .toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot print " + template, e);
        }
    }

    /**
     * "Page 2 of 3" as the CSS {@code content} of a page margin (the pdf-layout's page-numbers fragment): the words of
     * the message {@code pdf.pageOf} as CSS strings around the page counters, so the line reads in order when copied.
     */
    private String pageNumbers(Locale locale) {
        String text = messages.getMessage("pdf.pageOf", new Object[] {"\u0000", "\u0001"}, locale);
        return ('"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .replace("\u0000", "\" counter(page) \"").replace("\u0001", "\" counter(pages) \"");
    }

    /**
     * Where a resource a template names (an image) is read from: only the application's own static files, named by
     * their path under {@code static/} ("img/logo.png"). Any other address (http:, file:, a path out of the folder)
     * is refused, and the document is printed without it.
     */
    private static String staticFile(String uri) {
        if (uri == null || uri.contains(":") || uri.contains("..") || uri.startsWith("/")) {
            return null;
        }
        ClassPathResource file = new ClassPathResource("static/" + uri);
        try {
            return file.exists() ? file.getURL().toString() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A font as the document embeds it, glyph substitution off: PDFBox would otherwise join letters into ligature
     * glyphs (fi, ff) that a PDF reader copies and searches as ﬁ and ﬀ, so "fidelity" would not be found.
     */
    private static PDFontSupplier font(PDDocument document, byte[] file) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file));
        font.setEnableGsub(false);
        return new PDFontSupplier(PDType0Font.load(document, font, true));
    }

    private static byte[] read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
