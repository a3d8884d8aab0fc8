package org.imrplatform.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;

import org.imrplatform.course.packaging.PackageProblem;
import org.imrplatform.course.packaging.Problems;
import org.junit.jupiter.api.Test;

/** The curriculum file shipped is whole; a file with mistakes is refused with each one's line. */
class CurriculumTest {

    @Test
    void theShippedCurriculumHasTheElevenModulesInBothLanguages() {
        List<CurriculumModule> modules = Curriculum.load("practice/imr-curriculum.yaml");
        assertThat(modules).hasSize(11).extracting(CurriculumModule::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(modules.getFirst().title().in(Locale.ENGLISH)).isEqualTo("Recovery Strategies");
        assertThat(modules.getLast().title().in(Locale.forLanguageTag("es"))).isEqualTo("Estilos de vida saludables");
        assertThat(modules).allSatisfy(m -> assertThat(m.topics()).isNotEmpty());
    }

    @Test
    void everyMistakeIsToldWithItsLine() {
        String file = """
                modules:
                  - number: 1
                    title:
                      en: Recovery Strategies
                    summary:
                      en: Goals.
                      es: Metas.
                      fr: Buts.
                    topics:
                      - en: Goals
                        es: Metas
                  - number: 3
                    title:
                      en: Practical Facts
                      es: Datos prácticos
                    summary:
                      en: Facts.
                      es: Datos.
                    topics: []
                """;
        Problems problems = new Problems();
        assertThat(new CurriculumReader(problems).read("practice/imr-curriculum.yaml", file)).isNull();
        assertThat(problems.found()).extracting(PackageProblem::toString).containsExactly(
                "practice/imr-curriculum.yaml:3: missing required field 'es'",
                "practice/imr-curriculum.yaml:8: unknown field 'fr' in a text in two languages (en, es);"
                        + " the fields allowed here are: en, es",
                "practice/imr-curriculum.yaml:12: module number 3 is out of order: number the modules 1, 2, 3 and"
                        + " so on; this one should be 2",
                "practice/imr-curriculum.yaml:19: 'topics' needs at least 1 entry, it has 0");
    }

    @Test
    void aShippedFileWithAMistakeStopsTheStartNamingFileAndLine() {
        assertThatThrownBy(() -> Curriculum.load("practice/broken-curriculum.yaml"))
                .hasMessage("1 problem(s) in the curriculum file:\n"
                        + "practice/broken-curriculum.yaml:3: missing required field 'es'");
    }

    @Test
    void brokenYamlIsToldWithItsLine() {
        Problems problems = new Problems();
        new CurriculumReader(problems).read("c.yaml", "modules:\n  - number: 1\n   title: x\n");
        assertThat(problems.found()).singleElement().extracting(PackageProblem::where).isEqualTo("c.yaml:3");
    }
}
