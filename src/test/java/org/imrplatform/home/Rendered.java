package org.imrplatform.home;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a rendered page a person reads, taken from the HTML the layout writes: the faces in the header, its
 * language and account links, the footer's links and the links (with their one-line descriptions) of a face's home.
 */
record Rendered(String html) {

    /** A link as a person meets it: its text, where it goes and whether it is marked as current. */
    record Link(String text, String href, String ariaCurrent) {
    }

    private static final Pattern LINK = Pattern.compile("<a\\s([^>]*)>(.*?)</a>", Pattern.DOTALL);
    private static final Pattern ITEM = Pattern.compile("<li[^>]*>(.*?)</li>", Pattern.DOTALL);
    private static final Pattern DESCRIPTION = Pattern.compile("<p[^>]*>(.*?)</p>", Pattern.DOTALL);

    /** The face links of the header, in order. */
    List<Link> faces() {
        return links(section("<nav class=\"site-nav\"", "</nav>"));
    }

    /** The header's other controls (language, account, sign in or out), links and buttons, by their text. */
    List<String> tools() {
        String tools = section("<ul class=\"site-tools\">", "</ul>");
        List<String> texts = new ArrayList<>(links(tools).stream().map(Link::text).toList());
        Matcher button = Pattern.compile("<button[^>]*>(.*?)</button>", Pattern.DOTALL).matcher(tools);
        while (button.find()) {
            texts.add(text(button.group(1)));
        }
        return texts;
    }

    List<Link> footerLinks() {
        return links(section("<footer", "</footer>"));
    }

    /** A face home's list: each entry as "link text → address: description". */
    List<String> faceLinks() {
        List<String> entries = new ArrayList<>();
        Matcher item = ITEM.matcher(section("<ul class=\"face-links\">", "</ul>"));
        while (item.find()) {
            Link link = links(item.group(1)).getFirst();
            Matcher description = DESCRIPTION.matcher(item.group(1));
            List<String> descriptions = new ArrayList<>();
            while (description.find()) {
                descriptions.add(text(description.group(1)));
            }
            entries.add(link.text() + " → " + link.href() + ": " + String.join(" ", descriptions));
        }
        return entries;
    }

    String heading() {
        return text(section("<h1", "</h1>"));
    }

    private String section(String start, String end) {
        int from = html.indexOf(start);
        if (from < 0) {
            throw new AssertionError("the page has no " + start + ":\n" + html);
        }
        return html.substring(from, html.indexOf(end, from) + end.length());
    }

    private static List<Link> links(String html) {
        List<Link> links = new ArrayList<>();
        Matcher link = LINK.matcher(html);
        while (link.find()) {
            links.add(new Link(text(link.group(2)), attribute(link.group(1), "href"),
                    attribute(link.group(1), "aria-current")));
        }
        return links;
    }

    private static String attribute(String attributes, String name) {
        Matcher value = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attributes);
        return value.find() ? unescape(value.group(1)) : null;
    }

    private static String text(String html) {
        return unescape(html.replaceAll("<[^>]*>", "")).replaceAll("\\s+", " ").trim();
    }

    private static String unescape(String text) {
        return text.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
