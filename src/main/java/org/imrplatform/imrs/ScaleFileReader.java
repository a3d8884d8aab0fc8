package org.imrplatform.imrs;

import static org.imrplatform.course.packaging.PackageProblem.phrase;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.imrplatform.course.packaging.Problems;
import org.imrplatform.course.packaging.YamlMap;
import org.springframework.context.MessageSourceResolvable;

/**
 * Reads one scale file ({@code <id>/<version>.yaml}) and checks it whole: items 1 to 15 each once, every option
 * scored 1 to 5, every text in English and Spanish. Each problem is recorded with its file and line, and no scale
 * is returned while any is found. The format is described in docs/imrs.md.
 */
final class ScaleFileReader {

    private static final Set<String> FIELDS = Set.of("id", "version", "kind", "name", "instructions", "items");
    private static final Set<String> ITEM_FIELDS = Set.of("number", "label", "question", "options",
            "not-applicable", "unconfirmed");
    private static final Set<String> LANGUAGES = Set.of("en", "es");
    private static final Set<String> SCORES = IntStream.rangeClosed(ScaleVersion.LOWEST, ScaleVersion.HIGHEST)
            .mapToObj(String::valueOf).collect(Collectors.toSet());

    private final Problems problems;

    ScaleFileReader(Problems problems) {
        this.problems = problems;
    }

    /** @param file the path under the scales folder, e.g. {@code imrs-client/1.yaml} */
    ScaleVersion read(String file, String source) {
        int before = problems.found().size();
        YamlMap yaml = YamlMap.parse(file, source, problems);
        if (yaml == null) {
            return null;
        }
        yaml.rejectUnknownFields(phrase("imrs.file.in.scale"), FIELDS);
        String id = yaml.id("id");
        Integer version = yaml.integer("version", true, 1, 999);
        if (id != null && version != null && !file.equals(id + "/" + version + ".yaml")) {
            yaml.problem(yaml.lineOf("id"), "imrs.file.name", id, version, id + "/" + version + ".yaml", file);
        }
        ImrsKind kind = kind(yaml);
        Wording name = wording(yaml, "name", phrase("imrs.file.of.name"));
        Wording instructions = wording(yaml, "instructions", phrase("imrs.file.of.instructions"));
        List<ScaleItem> items = items(yaml);
        if (problems.found().size() > before) {
            return null;
        }
        return new ScaleVersion(id, version, kind, name, instructions, items);
    }

    private static ImrsKind kind(YamlMap yaml) {
        String kind = yaml.string("kind", true);
        if (kind == null) {
            return null;
        }
        try {
            return ImrsKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            yaml.problem(yaml.lineOf("kind"), "imrs.file.kind", kind);
            return null;
        }
    }

    /** Items 1 to 15, each once, whatever order the file lists them in; returned by number. */
    private static List<ScaleItem> items(YamlMap yaml) {
        List<ScaleItem> items = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        for (YamlMap entry : yaml.maps("items", 1)) {
            entry.rejectUnknownFields(phrase("imrs.file.in.item"), ITEM_FIELDS);
            Integer number = entry.integer("number", true, 1, ScaleVersion.ITEMS);
            if (number != null && !numbers.add(number)) {
                entry.problem(entry.lineOf("number"), "imrs.file.item.twice", number, ScaleVersion.ITEMS);
            }
            Object which = number == null ? "?" : number;
            Wording label = wording(entry, "label", phrase("imrs.file.of.label", which));
            Wording question = wording(entry, "question", phrase("imrs.file.of.question", which));
            Map<Integer, Wording> options = options(entry, which);
            Wording notApplicable = entry.has("not-applicable")
                    ? wording(entry, "not-applicable", phrase("imrs.file.of.notApplicable", which)) : null;
            boolean unconfirmed = entry.flag("unconfirmed");
            if (number != null) {
                items.add(new ScaleItem(number, label, question, options, notApplicable, unconfirmed));
            }
        }
        if (yaml.has("items")) {
            IntStream.rangeClosed(1, ScaleVersion.ITEMS).filter(n -> !numbers.contains(n)).forEach(missing ->
                    yaml.problem(yaml.lineOf("items"), "imrs.file.item.missing", missing, ScaleVersion.ITEMS));
        }
        items.sort(Comparator.comparingInt(ScaleItem::number));
        return items;
    }

    /** One option for every score from 1 to 5, and only those. */
    private static Map<Integer, Wording> options(YamlMap item, Object number) {
        Map<Integer, Wording> options = new LinkedHashMap<>();
        YamlMap map = item.map("options", true);
        if (map == null) {
            return options;
        }
        map.rejectUnknownFields(phrase("imrs.file.in.options", number), SCORES);
        for (int score = ScaleVersion.LOWEST; score <= ScaleVersion.HIGHEST; score++) {
            if (map.has(String.valueOf(score))) {
                options.put(score, wording(map, String.valueOf(score), phrase("imrs.file.of.option", score, number)));
            } else {
                map.problem(map.line(), "imrs.file.option.missing", score, number);
            }
        }
        return options;
    }

    /** A text in English ({@code en}) and Spanish ({@code es}); a missing language is named as such. */
    private static Wording wording(YamlMap parent, String key, MessageSourceResolvable what) {
        YamlMap map = parent.map(key, true);
        if (map == null) {
            return null;
        }
        map.rejectUnknownFields(phrase("imrs.file.in.wording", what), LANGUAGES);
        String en = language(map, "en", "imrs.file.english.missing", what);
        String es = language(map, "es", "imrs.file.spanish.missing", what);
        return en == null || es == null ? null : new Wording(en.strip(), es.strip());
    }

    private static String language(YamlMap map, String language, String missing, MessageSourceResolvable what) {
        if (!map.has(language)) {
            map.problem(map.line(), missing, what);
            return null;
        }
        return map.string(language, true);
    }
}
