package org.imrplatform.fidelity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * A line chart of mean scores over time as inline SVG, drawn on the server so it needs no script. It is a picture
 * only: the page's table carries the same figures for screen readers, and {@code labelledBy} names the caption
 * that says so.
 */
final class TrendChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 48;
    private static final int RIGHT = 24;
    private static final int TOP = 16;
    private static final int BOTTOM = 48;

    private TrendChart() {
    }

    /** @param labels one per point (review dates), @param means the means, null where nothing was rated */
    static String svg(List<String> labels, List<BigDecimal> means, int min, int max, int target, String labelledBy) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" role=\"img\" width=\"100%\"")
                .append(" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" aria-labelledby=\"")
                .append(HtmlUtils.htmlEscape(labelledBy)).append("\">");
        for (int value = min; value <= max; value++) {
            double y = y(value, min, max);
            svg.append(line(LEFT, y, WIDTH - RIGHT, y, value == target ? "#505a5f" : "#b1b4b6",
                    value == target ? " stroke-dasharray=\"6 4\"" : ""));
            svg.append(text(LEFT - 10, y + 4, "end", String.valueOf(value)));
        }
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            double x = x(i, labels.size());
            svg.append(text(x, HEIGHT - BOTTOM + 20, "middle", labels.get(i)));
            BigDecimal mean = means.get(i);
            if (mean != null) {
                double y = y(mean.doubleValue(), min, max);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                svg.append(String.format(Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#1d70b8\"/>", x, y));
                svg.append(text(x, y - 10, "middle", mean.toPlainString()));
            }
        }
        svg.append("<polyline fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"3\" points=\"")
                .append(points.toString().strip()).append("\"/>");
        return svg.append("</svg>").toString();
    }

    private static double x(int index, int count) {
        double span = WIDTH - LEFT - RIGHT - 40;
        return LEFT + 20 + (count == 1 ? span / 2 : span * index / (count - 1));
    }

    private static double y(double value, int min, int max) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (max - value) / (max - min);
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String extra) {
        return String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>", x1, y1, x2, y2, colour,
                extra);
    }

    private static String text(double x, double y, String anchor, String content) {
        return String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"13\" fill=\"#0b0c0c\">%s</text>", x, y,
                anchor, HtmlUtils.htmlEscape(content));
    }
}
