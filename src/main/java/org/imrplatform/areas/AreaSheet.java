package org.imrplatform.areas;

import java.util.List;

import org.imrplatform.products.ProductKind;

/**
 * An area's page cut to what fits on one printed page, in the layout of the center's sheet: its texts, products and
 * quotes each trimmed to a budget. What does not fit is left to the full page, which the sheet links to.
 *
 * @param trimmed whether anything was left out or cut short
 */
record AreaSheet(AreaView view, String centerText, String focus, List<Item> products, List<String> voices,
        boolean trimmed) {

    /** A product as printed: its title, kind, a part of its description and its address. */
    record Item(String title, ProductKind kind, String description, String link) {
    }

    /** How much of each part the sheet shows; smaller budgets are tried until the sheet is one page. */
    record Budget(int centerChars, int focusChars, int products, int descriptionChars, int voices, int voiceChars) {
    }

    static final List<Budget> BUDGETS = List.of(
            new Budget(600, 2600, 8, 300, 5, 320),
            new Budget(400, 1500, 6, 220, 4, 260),
            new Budget(300, 1000, 5, 160, 3, 200),
            new Budget(200, 600, 3, 110, 2, 150),
            new Budget(120, 300, 2, 80, 1, 100));

    static AreaSheet of(AreaView view, Budget budget) {
        String center = view.centerText().plain(budget.centerChars());
        String focus = view.focus().plain(budget.focusChars());
        List<Item> products = view.products().stream().limit(budget.products())
                .map(p -> new Item(p.title(), p.kind(), p.description() == null ? null
                        : cut(p.description(), budget.descriptionChars()), p.link())).toList();
        List<String> voices = view.voices().stream().limit(budget.voices())
                .map(v -> cut(v, budget.voiceChars())).toList();
        boolean trimmed = !center.equals(view.centerText().plain()) || !focus.equals(view.focus().plain())
                || products.size() < view.products().size() || voices.size() < view.voices().size()
                || products.stream().anyMatch(p -> p.description() != null && p.description().endsWith("…"))
                || voices.stream().anyMatch(v -> v.endsWith("…"));
        return new AreaSheet(view, center, focus, products, voices, trimmed);
    }

    /** The text cut at a word to at most {@code limit} characters, with an ellipsis when cut. */
    static String cut(String text, int limit) {
        String plain = text.strip();
        if (plain.length() <= limit) {
            return plain;
        }
        int at = plain.lastIndexOf(' ', limit - 1);
        return plain.substring(0, at > 0 ? at : limit - 1).strip() + "…";
    }
}
