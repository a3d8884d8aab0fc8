package org.imrplatform.areas;

import java.util.List;
import java.util.Set;

import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * A text the center wrote in Markdown (the library the course packages use), as the page shows it and as the
 * one-page PDF prints it. Raw HTML in the text is shown as text, and links may only be web, mail or phone addresses
 * (a "javascript:" or "data:" link is emptied), so what an administrator types cannot run in a visitor's browser.
 * Images are shown as their description: the page loads nothing from other sites (the CSP would refuse it).
 *
 * @param html safe to emit unescaped
 * @param plain the words alone, for the PDF, which has room for a part of the text only
 * @param language "en" or "es": the language the text is written in
 */
record AreaText(String html, String plain, String language) {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto", "tel")))
            .nodeRendererFactory(ImageAsText::new).build();
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

    /** Renders an image as its description, which is what the PDF prints too. */
    private record ImageAsText(HtmlNodeRendererContext context) implements NodeRenderer {

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node image) {
            for (Node child = image.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
        }
    }
}
