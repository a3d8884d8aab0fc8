package org.imrplatform.events;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.imrplatform.imports.ContentKey;

/**
 * Keys for anonymous survey responses, given in the order they are read from one event's export. A survey export has
 * no response id or submission time, so only the answers themselves tell an anonymous response: its key is its
 * answers (ratings as recorded, comments with their line endings, runs of white space and Unicode form made alike)
 * and how many identical responses came before it. The same export saved again, with other line endings or as a
 * workbook, gives the same keys; next month's export, holding this month's responses and new ones, gives new keys
 * only to the new ones, identical answers included (the third "5, 5, 5, 5" is new when two were recorded). Public for
 * the migration (V33) that gave responses imported before it their keys.
 */
public final class AnonymousAnswers {

    private final Map<String, Integer> seen = new HashMap<>();

    /** The key of the next response with these answers (ratings null when not answered, comments null when none). */
    public String key(List<Integer> ratings, String comments) {
        String answers = ratings.stream().map(r -> Objects.toString(r, "")).collect(Collectors.joining(","))
                + "\n" + normalized(comments);
        String digest = ContentKey.of(answers);
        return "answers:" + digest + "#" + seen.merge(digest, 1, Integer::sum);
    }

    private static String normalized(String comments) {
        return comments == null ? ""
                : Normalizer.normalize(comments, Normalizer.Form.NFC).replaceAll("(?U)\\s+", " ").strip();
    }
}
