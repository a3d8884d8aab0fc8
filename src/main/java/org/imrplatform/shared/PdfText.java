package org.imrplatform.shared;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.font.PDFont;

/** Text made ready for a PDF page: characters the font can show, broken into lines that fit. */
public final class PdfText {

    private PdfText() {
    }

    /** Characters the font cannot show (emoji, tabs) become a question mark or a space instead of failing. */
    public static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            String character = Character.toString(c);
            try {
                font.encode(character);
                out.append(character);
            } catch (IOException | IllegalArgumentException e) {
                out.append(Character.isWhitespace(c) ? " " : "?");
            }
        });
        return out.toString();
    }

    /** Breaks a text into lines no wider than {@code width} points at the given size, at spaces. */
    public static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }
}
