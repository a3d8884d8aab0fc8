package org.imrplatform.course.packaging;

import static org.imrplatform.course.packaging.PackageProblem.phrase;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.imrplatform.course.KnowledgeCheckSlide;
import org.imrplatform.course.Slide;
import org.imrplatform.course.TabsSlide;
import org.springframework.context.MessageSourceResolvable;

/**
 * What a translation must keep from the original course (its ids and their order, slide kinds, tabs, minutes, pass
 * marks, options and which are correct), recorded while the original is read, and the checks that hold each
 * translated file to it. A translation is compared only with original files that read without a problem, so a
 * mistake in the original is never reported a second time as a difference of its translations.
 */
final class TranslationCheck {

    private final Problems problems;
    /** Ids as the original lists them: its modules under {@code ""}, a module's slides under the module's id. */
    private final Map<String, Listed> lists = new HashMap<>();
    private final Map<String, Slide> slides = new HashMap<>();
    private final Map<String, Integer> minutes = new HashMap<>();
    private final Map<String, Object> courseValues = new HashMap<>();
    private String testFile;
    private List<KnowledgeCheckSlide.Question> testQuestions;

    private record Listed(String file, List<String> ids) {
    }

    TranslationCheck(Problems problems) {
        this.problems = problems;
    }

    // What the original says, as its reader finds it.

    void modules(String file, List<String> ids) {
        lists.put("", new Listed(file, ids));
    }

    void slides(String moduleId, String file, List<String> ids, Integer moduleMinutes) {
        lists.put(moduleId, new Listed(file, ids));
        minutes.put(moduleId, moduleMinutes);
    }

    void slide(String moduleId, String file, Slide slide) {
        if (!problems.any(file)) {
            slides.put(moduleId + "/" + slide.id(), slide);
        }
    }

    /** The course file's id, hours, area and completion rule, which a translation takes from the original. */
    void courseValue(String field, Object value) {
        courseValues.put(field, value);
    }

    void knowledgeTest(String name, String file, List<KnowledgeCheckSlide.Question> questions) {
        testFile = name;
        testQuestions = problems.any(file) ? null : questions;
    }

    // How a translation compares.

    /** A field of the translated course file that, when written, says what the original's says. */
    void sameCourseValue(YamlMap file, String field, Object value, int line) {
        Object original = courseValues.get(field);
        if (value != null && !Objects.equals(original, value)) {
            file.problem(line, "package.translation.value", field, String.valueOf(original), String.valueOf(value));
        }
    }

    /** The translation names the original's knowledge test file (its own copy); false when there is none to read. */
    boolean sameKnowledgeTest(YamlMap file, YamlMap.Text name) {
        if (testFile == null) {
            if (name != null) {
                file.problem(name.line(), "package.translation.noKnowledgeTest");
            }
            return false;
        }
        if (name == null || !testFile.equals(name.value())) {
            file.problem(name == null ? file.line() : name.line(), "package.translation.knowledgeTest", testFile);
            return false;
        }
        return true;
    }

    void sameModules(YamlMap file, List<YamlMap.Text> ids) {
        Listed original = lists.get("");
        if (original != null && !problems.any(original.file())) {
            sameIds(file, file.lineOf("modules"), ids, original.ids(), phrase("package.id.module"));
        }
    }

    /** The translated module file lists the same slides and gives the same minutes. */
    void sameModule(YamlMap file, String moduleId, List<YamlMap.Text> slideIds, Integer moduleMinutes) {
        Listed original = lists.get(moduleId);
        if (original == null || problems.any(original.file())) {
            return;
        }
        sameIds(file, file.lineOf("slides"), slideIds, original.ids(), phrase("package.id.slide"));
        Integer originalMinutes = minutes.get(moduleId);
        if (moduleMinutes != null && !moduleMinutes.equals(originalMinutes)) {
            file.problem(file.lineOf("minutes"), "package.translation.value", "minutes", originalMinutes,
                    moduleMinutes);
        }
    }

    /** A translated slide has the original's kind and, by kind, its number of tabs or its pass mark. */
    void sameSlide(YamlMap file, String moduleId, Slide translated) {
        Slide original = slides.get(moduleId + "/" + translated.id());
        if (original == null) {
            return;
        }
        if (!original.kind().equals(translated.kind())) {
            file.problem(file.lineOf("kind"), "package.translation.kind", original.kind(), translated.kind());
        } else if (original instanceof TabsSlide tabs && translated instanceof TabsSlide same
                && tabs.tabs().size() != same.tabs().size()) {
            file.problem(file.lineOf("tabs"), "package.translation.count", "tabs", tabs.tabs().size(),
                    same.tabs().size());
        } else if (original instanceof KnowledgeCheckSlide check && translated instanceof KnowledgeCheckSlide same
                && check.passPercent() != same.passPercent()) {
            file.problem(file.lineOf("pass-percent"), "package.translation.value", "pass-percent",
                    check.passPercent(), same.passPercent());
        }
    }

    /** The original's questions for a translated knowledge check, or null when it is not to be compared. */
    List<KnowledgeCheckSlide.Question> questionsOf(String moduleId, String slideId) {
        return slides.get(moduleId + "/" + slideId) instanceof KnowledgeCheckSlide check ? check.questions() : null;
    }

    List<KnowledgeCheckSlide.Question> testQuestions() {
        return testQuestions;
    }

    void sameQuestionIds(YamlMap file, List<YamlMap.Text> ids, List<KnowledgeCheckSlide.Question> original) {
        sameIds(file, file.lineOf("questions"), ids, original.stream().map(KnowledgeCheckSlide.Question::id).toList(),
                phrase("package.id.question"));
    }

    /** The same type, the same number of options and the same correct ones as the original question. */
    void sameQuestion(YamlMap question, boolean multiple, List<YamlMap> options, List<Boolean> correct,
            KnowledgeCheckSlide.Question original) {
        if (multiple != original.multiple()) {
            question.problem(question.lineOf("type"), "package.translation.value", "type",
                    original.multiple() ? "multiple" : "single", multiple ? "multiple" : "single");
        }
        List<KnowledgeCheckSlide.Option> originalOptions = original.options();
        for (int i = originalOptions.size(); i < options.size(); i++) {
            options.get(i).problem(options.get(i).line(), "package.translation.optionAdded", i + 1,
                    originalOptions.size());
        }
        if (options.size() < originalOptions.size()) {
            question.problem(question.lineOf("options"), "package.translation.optionMissing", originalOptions.size(),
                    options.size());
        }
        for (int i = 0; i < Math.min(options.size(), originalOptions.size()); i++) {
            if (correct.get(i) != originalOptions.get(i).correct()) {
                YamlMap option = options.get(i);
                option.problem(option.lineOf("correct"), "package.translation.correct", i + 1,
                        originalOptions.get(i).correct());
            }
        }
    }

    /**
     * The ids a translated file lists, against the original's list: each id it adds is reported at its line, each it
     * leaves out and a different order at the list's line.
     */
    private static void sameIds(YamlMap file, int listLine, List<YamlMap.Text> ids, List<String> original,
            MessageSourceResolvable what) {
        Set<String> originalIds = Set.copyOf(original);
        Set<String> translatedIds = ids.stream().map(YamlMap.Text::value).collect(Collectors.toSet());
        ids.stream().filter(id -> !originalIds.contains(id.value()))
                .forEach(id -> file.problem(id.line(), "package.translation.added", what, id.value()));
        original.stream().filter(id -> !translatedIds.contains(id))
                .forEach(id -> file.problem(listLine, "package.translation.missing", what, id));
        List<String> shared = ids.stream().map(YamlMap.Text::value).filter(originalIds::contains).toList();
        List<String> expected = original.stream().filter(translatedIds::contains).toList();
        if (!shared.equals(expected)) {
            file.problem(listLine, "package.translation.order", what, String.join(", ", original));
        }
    }
}
