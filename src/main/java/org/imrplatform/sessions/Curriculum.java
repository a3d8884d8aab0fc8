package org.imrplatform.sessions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.imrplatform.course.packaging.PackageProblem;
import org.imrplatform.course.packaging.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The IMR curriculum the platform offers, read at start-up from a data file (practice/imr-curriculum.yaml); a file
 * with a mistake stops the start with every problem listed by line, so a session never points at a module that is
 * not there.
 */
@Component
public class Curriculum {

    private final List<CurriculumModule> modules;

    Curriculum(@Value("${imr.curriculum.file:practice/imr-curriculum.yaml}") String file) {
        this.modules = load(file);
    }

    static List<CurriculumModule> load(String file) {
        String source;
        try {
            source = new ClassPathResource(file).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the curriculum file " + file, e);
        }
        Problems problems = new Problems();
        List<CurriculumModule> modules = new CurriculumReader(problems).read(file, source);
        if (!problems.found().isEmpty()) {
            throw new IllegalStateException(problems.found().size() + " problem(s) in the curriculum file:\n"
                    + problems.found().stream().map(PackageProblem::toString).collect(Collectors.joining("\n")));
        }
        return modules;
    }

    /** Every module, by number. */
    public List<CurriculumModule> modules() {
        return modules;
    }

    public Optional<CurriculumModule> module(int number) {
        return modules.stream().filter(m -> m.number() == number).findFirst();
    }

    /** The module's title in the reader's language; empty for a number the file no longer has. */
    public String title(int number, Locale locale) {
        return module(number).map(m -> m.title().in(locale)).orElse("");
    }
}
