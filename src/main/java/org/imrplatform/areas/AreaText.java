package org.imrplatform.areas;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * A text the center wrote in Markdown (the library the course packages use), as the page shows it and as the
 * one-page PDF prints it. Raw HTML in the text is shown as text, and links may only be web, mail or phone addresses
 * (a "javascript:" link is emptied), so what an administrator types cannot run in a visitor's browser.
 *
 * @param html safe to emit unescaped
 * @param plain the words alone, for the PDF, which has room for a part of the text only
 * @param language "en" or "es": the language the text is written in
 */
record AreaText(String html, String plain, String language) {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final TextContentRenderer PLAIN = TextContentRenderer.builder().build();

    /** The text in the language asked for, or the English one when the Spanish one is empty. */
    static AreaText of(String english, String spanish, String language) {
        boolean spanishShown = "es".equals(language) && !spanish.isBlank();
        String source = spanishShown ? spanish : english;
        Node document = PARSER.parse(source);
        return new AreaText(HTML.render(document), PLAIN.render(document).strip(), spanishShown ? "es" : "en");
    }

    public boolean isEmpty() {
        return plain.isEmpty();
    }

    /** The plain text cut at a word to at most {@code limit} characters (see {@link AreaSheet#cut}). */
    String plain(int limit) {
        return AreaSheet.cut(plain, limit);
    }
}
