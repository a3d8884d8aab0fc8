package org.imrplatform.course;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed, validated course package. Immutable: a new upload makes a new {@code Course}. {@code knowledgeTest} is
 * null when the course has none; {@code area} (the area of focus outcome reports group it under) when unstated.
 * {@code assets} are the paths of the package files its pages show or link to (images, videos, captions,
 * documents, narration, in every language): the only files of the package that are served. {@code translations} are
 * the same course in other languages, by language code, sharing its ids, hours, area and completion rule (a
 * translation has none of its own).
 */
public record Course(String id, String title, String language, String area, Html description, Integer hours,
        CompletionRule completion, KnowledgeTest knowledgeTest, List<CourseModule> modules, Set<String> assets,
        Map<String, Course> translations) {

    /** The course as a reader of {@code language} gets it: its translation, or the course itself when it has none. */
    public Course in(Locale language) {
        return translations.getOrDefault(language.getLanguage(), this);
    }

    /** The languages the course can be read in: its own first, then its translations' in alphabetical order. */
    public List<String> languages() {
        List<String> languages = new ArrayList<>(List.of(language));
        translations.keySet().stream().sorted().forEach(languages::add);
        return languages;
    }

    public Optional<CourseModule> module(String moduleId) {
        return modules.stream().filter(m -> m.id().equals(moduleId)).findFirst();
    }

    public int slideCount() {
        return modules.stream().mapToInt(module -> module.slides().size()).sum();
    }

    public int minutes() {
        return modules.stream().mapToInt(CourseModule::minutes).sum();
    }

    /** The module after the given one, if any. */
    public Optional<CourseModule> moduleAfter(String moduleId) {
        for (int i = 0; i < modules.size() - 1; i++) {
            if (modules.get(i).id().equals(moduleId)) {
                return Optional.of(modules.get(i + 1));
            }
        }
        return Optional.empty();
    }
}
