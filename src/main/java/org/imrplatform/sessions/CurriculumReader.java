package org.imrplatform.sessions;

import static org.imrplatform.course.packaging.PackageProblem.phrase;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.imrplatform.course.packaging.Problems;
import org.imrplatform.course.packaging.YamlMap;

/**
 * Reads the curriculum file and checks it whole: every problem is recorded with its file and line, and no
 * curriculum is returned while any is found. Modules are numbered 1, 2, 3... in order, since stored sessions
 * point at those numbers.
 */
final class CurriculumReader {

    static final int MAX_TITLE = 120;
    /** A topic fits the sessions' topic column with room to spare. */
    static final int MAX_TOPIC = 120;
    static final int MAX_SUMMARY = 300;

    private final Problems problems;

    CurriculumReader(Problems problems) {
        this.problems = problems;
    }

    List<CurriculumModule> read(String file, String source) {
        int before = problems.found().size();
        YamlMap yaml = YamlMap.parse(file, source, problems);
        if (yaml == null) {
            return null;
        }
        yaml.rejectUnknownFields(phrase("curriculum.in.file"), Set.of("modules"));
        List<CurriculumModule> modules = new ArrayList<>();
        for (YamlMap entry : yaml.maps("modules", 1)) {
            entry.rejectUnknownFields(phrase("curriculum.in.module"), Set.of("number", "title", "summary", "topics"));
            int expected = modules.size() + 1;
            Integer number = entry.integer("number", true, 1, 99);
            if (number != null && number != expected) {
                entry.problem(entry.lineOf("number"), "curriculum.number.order", number, expected);
            }
            Wording title = wording(entry, "title", MAX_TITLE);
            Wording summary = wording(entry, "summary", MAX_SUMMARY);
            List<Wording> topics = new ArrayList<>();
            for (YamlMap topic : entry.maps("topics", 1)) {
                topics.add(wording(topic, MAX_TOPIC));
            }
            modules.add(new CurriculumModule(expected, title, summary, List.copyOf(topics)));
        }
        return problems.found().size() > before ? null : List.copyOf(modules);
    }

    private static Wording wording(YamlMap parent, String key, int max) {
        YamlMap map = parent.map(key, true);
        return map == null ? null : wording(map, max);
    }

    /** Both languages are required: a page in Spanish never falls back to English mid-sentence. */
    private static Wording wording(YamlMap map, int max) {
        map.rejectUnknownFields(phrase("curriculum.in.wording"), Set.of("en", "es"));
        return new Wording(text(map, "en", max), text(map, "es", max));
    }

    private static String text(YamlMap map, String language, int max) {
        YamlMap.Text text = map.text(language, true);
        if (text == null) {
            return null;
        }
        if (text.value().strip().length() > max) {
            map.problem(text.line(), "curriculum.text.long", language, max, text.value().strip().length());
        }
        return text.value().strip();
    }
}
