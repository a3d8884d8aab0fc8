package org.imrplatform.fidelity;

import static org.imrplatform.course.packaging.PackageProblem.phrase;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.imrplatform.course.packaging.Problems;
import org.imrplatform.course.packaging.YamlMap;

/**
 * Reads one instrument file ({@code <id>/<version>.yaml}) and checks it whole: every problem is recorded with its
 * file and line, and no instrument is returned while any is found. The format is described in docs/fidelity.md.
 */
final class InstrumentReader {

    static final String SCORING = "mean-of-rated-items";

    private static final Set<String> FIELDS = Set.of("id", "version", "name", "kind", "description", "scale",
            "scoring", "target", "bands", "items");
    private static final Set<String> ITEM_FIELDS = Set.of("id", "title", "description", "anchors", "optional",
            "suggestion");

    private final Problems problems;

    InstrumentReader(Problems problems) {
        this.problems = problems;
    }

    /** @param file the path under the instruments folder, e.g. {@code it-is/1.yaml} */
    Instrument read(String file, String source) {
        int before = problems.found().size();
        YamlMap yaml = YamlMap.parse(file, source, problems);
        if (yaml == null) {
            return null;
        }
        yaml.rejectUnknownFields(phrase("instrument.in.instrument"), FIELDS);
        String id = yaml.id("id");
        Integer version = yaml.integer("version", true, 1, 999);
        if (id != null && version != null && !file.equals(id + "/" + version + ".yaml")) {
            yaml.problem(yaml.lineOf("id"), "instrument.fileName", id, version, id + "/" + version + ".yaml", file);
        }
        String name = yaml.string("name", true);
        InstrumentKind kind = kind(yaml);
        String description = yaml.string("description", false);
        YamlMap scale = yaml.map("scale", true);
        Integer min = scale == null ? null : scale.integer("min", true, 0, 10);
        Integer max = scale == null ? null : scale.integer("max", true, 1, 10);
        if (min != null && max != null && min >= max) {
            scale.problem(scale.lineOf("max"), "instrument.scale", max, min);
            max = null;
        }
        String scoring = yaml.string("scoring", true);
        if (scoring != null && !scoring.equals(SCORING)) {
            yaml.problem(yaml.lineOf("scoring"), "instrument.scoring", scoring, SCORING);
        }
        Integer target = yaml.integer("target", true, min == null ? 0 : min, max == null ? 10 : max);
        List<FidelityBand> bands = bands(yaml, min, max);
        List<InstrumentItem> items = items(yaml, min, max);
        if (problems.found().size() > before || min == null || max == null || target == null) {
            return null;
        }
        return new Instrument(id, version, name, kind, description, min, max, target, bands, items);
    }

    private static InstrumentKind kind(YamlMap yaml) {
        String kind = yaml.string("kind", true);
        if (kind == null) {
            return null;
        }
        try {
            return InstrumentKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            yaml.problem(yaml.lineOf("kind"), "instrument.kind", kind);
            return null;
        }
    }

    /** Bands come back highest first; the lowest must start at the scale's minimum so every mean has a band. */
    private static List<FidelityBand> bands(YamlMap yaml, Integer min, Integer max) {
        List<FidelityBand> bands = new ArrayList<>();
        Set<BigDecimal> starts = new HashSet<>();
        for (YamlMap entry : yaml.maps("bands", 1)) {
            entry.rejectUnknownFields(phrase("instrument.in.band"), Set.of("id", "label", "from"));
            String id = entry.id("id");
            String label = entry.string("label", true);
            BigDecimal from = decimal(entry, "from", min, max);
            if (from != null && !starts.add(from.stripTrailingZeros())) {
                entry.problem(entry.lineOf("from"), "instrument.band.twice", from.toPlainString());
            }
            if (id != null && label != null && from != null) {
                bands.add(new FidelityBand(id, label, from));
            }
        }
        bands.sort(Comparator.comparing(FidelityBand::from).reversed());
        if (!bands.isEmpty() && min != null && bands.getLast().from().compareTo(BigDecimal.valueOf(min)) != 0) {
            yaml.problem(yaml.lineOf("bands"), "instrument.band.lowest", min);
        }
        return bands;
    }

    private static BigDecimal decimal(YamlMap entry, String key, Integer min, Integer max) {
        YamlMap.Text text = entry.text(key, true);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.value().trim());
            if ((min == null || value.compareTo(BigDecimal.valueOf(min)) >= 0)
                    && (max == null || value.compareTo(BigDecimal.valueOf(max)) <= 0)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        entry.problem(text.line(), "instrument.number", key, min, max, text.value());
        return null;
    }

    private static List<InstrumentItem> items(YamlMap yaml, Integer min, Integer max) {
        List<InstrumentItem> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlMap entry : yaml.maps("items", 1)) {
            entry.rejectUnknownFields(phrase("instrument.in.item"), ITEM_FIELDS);
            String id = entry.id("id");
            if (id != null && !ids.add(id)) {
                entry.problem(entry.lineOf("id"), "instrument.item.twice", id);
            }
            String title = entry.string("title", true);
            String description = entry.string("description", true);
            String suggestion = entry.string("suggestion", true);
            boolean optional = entry.flag("optional");
            Map<Integer, String> anchors = anchors(entry, min, max);
            items.add(new InstrumentItem(id, items.size() + 1, title, description, anchors, optional, suggestion));
        }
        return items;
    }

    /** Every point of the scale needs its anchor, and only those points. */
    private static Map<Integer, String> anchors(YamlMap item, Integer min, Integer max) {
        Map<Integer, String> anchors = new LinkedHashMap<>();
        YamlMap map = item.map("anchors", true);
        if (map == null || min == null || max == null) {
            return anchors;
        }
        Set<String> points = new HashSet<>();
        for (int point = min; point <= max; point++) {
            points.add(String.valueOf(point));
            if (!map.has(String.valueOf(point))) {
                map.problem(map.line(), "instrument.anchor.missing", point, min, max);
            } else {
                anchors.put(point, map.string(String.valueOf(point), true));
            }
        }
        map.rejectUnknownFields(phrase("instrument.in.anchors", min, max), points);
        return anchors;
    }
}
