package org.imrplatform.course.packaging;

import java.util.List;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.imrplatform.course.Html;

/**
 * Turns the Markdown of a package into HTML once, when the package is read. Raw HTML is escaped, and every link and
 * image goes through {@link Destinations} so package-relative addresses are checked and rewritten.
 */
final class Markdown {

    /** Checks and rewrites link and image addresses; {@code line} is where the address stands in its file. */
    interface Destinations {
        String link(String destination, int line);

        String image(String destination, String alt, int line);
    }

    private static final Parser PARSER = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).build();

    private Markdown() {
    }

    static Html block(YamlMap.Text source, Destinations destinations) {
        if (source == null) {
            return Html.EMPTY;
        }
        return new Html(RENDERER.render(parse(source, destinations)));
    }

    /** For short texts such as answer options: a lone paragraph is rendered without its {@code <p>}. */
    static Html inline(YamlMap.Text source, Destinations destinations) {
        if (source == null) {
            return Html.EMPTY;
        }
        Node document = parse(source, destinations);
        Node only = document.getFirstChild();
        if (only instanceof Paragraph && only.getNext() == null) {
            StringBuilder html = new StringBuilder();
            for (Node child = only.getFirstChild(); child != null; child = child.getNext()) {
                html.append(RENDERER.render(child));
            }
            return new Html(html.toString());
        }
        return new Html(RENDERER.render(document));
    }

    private static Node parse(YamlMap.Text source, Destinations destinations) {
        Node document = PARSER.parse(source.value());
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                link.setDestination(destinations.link(link.getDestination(), lineIn(link, source)));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                image.setDestination(destinations.image(image.getDestination(), altOf(image), lineIn(image, source)));
            }
        });
        return document;
    }

    private static String altOf(Image image) {
        StringBuilder alt = new StringBuilder();
        image.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                alt.append(text.getLiteral());
            }
        });
        return alt.toString().trim();
    }

    private static int lineIn(Node node, YamlMap.Text source) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? source.line() : source.line() + spans.get(0).getLineIndex();
    }
}
