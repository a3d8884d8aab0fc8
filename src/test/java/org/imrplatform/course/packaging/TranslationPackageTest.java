package org.imrplatform.course.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Locale;

import org.imrplatform.course.Audio;
import org.imrplatform.course.Course;
import org.imrplatform.course.CourseModule;
import org.imrplatform.course.KnowledgeCheckSlide;
import org.imrplatform.course.Slide;
import org.imrplatform.support.PackageFiles;
import org.junit.jupiter.api.Test;

/**
 * A course with a Spanish translation (src/test/resources/packages/translated): what is read, and every way a
 * translation can stray from the original, each reported at the translated file's line with what to do.
 */
class TranslationPackageTest {

    private static final String ES = "translations/es/";
    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private static Course read(PackageFiles files) {
        return CoursePackageReader.read(CoursePackage.fromZip(files.zip()));
    }

    private static List<PackageProblem> problems(PackageFiles files) {
        try {
            read(files);
        } catch (InvalidCoursePackageException e) {
            return e.problems();
        }
        throw new AssertionError("the package was accepted");
    }

    /** The package's only problem, at this file and line, told by this key. */
    private static PackageProblem onlyProblem(PackageFiles files, String file, int line, String code) {
        List<PackageProblem> problems = problems(files);
        assertThat(problems).as(problems.toString()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.code()).isEqualTo(code);
        });
        return problems.get(0);
    }

    @Test
    void aTranslationIsTheSameCourseInAnotherLanguageWithTheOriginalsIdsAndRules() {
        Course course = read(PackageFiles.translated());
        Course spanish = course.in(SPANISH);

        assertThat(course.languages()).containsExactly("en", "es");
        assertThat(course.in(Locale.ENGLISH)).isSameAs(course);
        assertThat(spanish.title()).isEqualTo("Curso de prueba bilingüe");
        assertThat(spanish.language()).isEqualTo("es");
        assertThat(spanish.id()).isEqualTo(course.id());
        // Taken from the original, which the translation does not repeat.
        assertThat(spanish.hours()).isEqualTo(2);
        assertThat(spanish.area()).isEqualTo(course.area());
        assertThat(spanish.completion()).isEqualTo(course.completion());
        CourseModule module = spanish.module("basics").orElseThrow();
        assertThat(module.slides()).extracting(Slide::id).containsExactly("welcome", "elements", "check", "goodbye");
        assertThat(module.slides().get(0).title()).isEqualTo("Bienvenida en español");
        assertThat(spanish.knowledgeTest().title()).isEqualTo("Prueba de conocimientos en español");
        // Media paths are relative to the package root: the translation shares the image, and has its own audio.
        Audio audio = module.slides().get(0).audio();
        assertThat(audio.url()).endsWith("/media/welcome.es.ogg");
        assertThat(audio.type()).isEqualTo("audio/ogg");
        assertThat(audio.title()).isEqualTo("Narración de la bienvenida");
        assertThat(course.assets()).contains("images/wheel.svg", "media/welcome.en.ogg", "media/welcome.es.ogg")
                .doesNotContain("media/unused.ogg", ES + "basics/check.yaml");
        assertThat(spanish.assets()).isEqualTo(course.assets());
        // A slide: link in the translation leads to the same slide address.
        assertThat(((org.imrplatform.course.ContentSlide) module.slides().get(0)).body().value())
                .contains("href=\"/courses/bilingual-course/modules/basics/slides/elements\"");
    }

    @Test
    void aDeclaredTranslationWithoutItsFolderIsReported() {
        PackageFiles files = PackageFiles.translated();
        List.of("course.yaml", "test.yaml", "basics/module.yaml", "basics/welcome.yaml", "basics/elements.yaml",
                "basics/check.yaml", "basics/goodbye.yaml").forEach(path -> files.remove(ES + path));
        PackageProblem problem = onlyProblem(files, "course.yaml", 9, "package.translations.missing");
        assertThat(problem.toString()).contains("translations/es/course.yaml is not in the package");
    }

    @Test
    void aTranslationFolderThatIsNotDeclaredIsReported() {
        PackageProblem problem = onlyProblem(PackageFiles.translated().edit("course.yaml", "translations: [es]\n", ""),
                "course.yaml", 1, "package.translations.undeclared");
        assertThat(problem.toString()).contains("translations/es/").contains("add it to translations");
    }

    @Test
    void onlyTheOtherLanguageCanBeATranslation() {
        onlyProblem(PackageFiles.translated().edit("course.yaml", "translations: [es]", "translations: [es, en]"),
                "course.yaml", 9, "package.translations.language");
    }

    @Test
    void aTranslatedFileThatIsMissingIsReportedWhereItIsListed() {
        onlyProblem(PackageFiles.translated().remove(ES + "basics/check.yaml"), ES + "basics/module.yaml", 8,
                "package.slide.missing");
        onlyProblem(PackageFiles.translated().remove(ES + "test.yaml"), ES + "course.yaml", 6,
                "package.knowledgeTest.missing");
    }

    @Test
    void aSlideMissingFromTheTranslationIsReportedAtItsList() {
        PackageProblem problem = onlyProblem(
                PackageFiles.translated().edit(ES + "basics/module.yaml", "  - check\n", ""),
                ES + "basics/module.yaml", 5, "package.translation.missing");
        assertThat(problem.toString()).contains("slide 'check' of the original is missing");
    }

    @Test
    void aSlideTheOriginalDoesNotHaveIsReportedAtItsLine() {
        PackageProblem problem = onlyProblem(PackageFiles.translated()
                        .edit(ES + "basics/module.yaml", "  - goodbye", "  - goodbye\n  - extra")
                        .put(ES + "basics/extra.yaml", "kind: closing\ntitle: Extra\nbody: Extra.\nnotes: Extra.\n"),
                ES + "basics/module.yaml", 10, "package.translation.added");
        assertThat(problem.toString()).contains("slide 'extra' is not in the original");
    }

    @Test
    void slidesInAnotherOrderAreReported() {
        PackageProblem problem = onlyProblem(PackageFiles.translated()
                        .edit(ES + "basics/module.yaml", "  - welcome\n  - elements", "  - elements\n  - welcome"),
                ES + "basics/module.yaml", 5, "package.translation.order");
        assertThat(problem.toString()).endsWith("welcome, elements, check, goodbye");
    }

    @Test
    void aModuleMissingFromOrAddedToTheTranslatedCourseIsReported() {
        assertThat(problems(PackageFiles.translated().edit(ES + "course.yaml", "modules:\n  - basics", "modules: []")))
                .extracting(PackageProblem::file, PackageProblem::line, PackageProblem::code)
                .contains(tuple(ES + "course.yaml", 7, "package.translation.missing"));
        onlyProblem(PackageFiles.translated().edit(ES + "course.yaml", "  - basics", "  - basics\n  - more")
                        .put(ES + "more/module.yaml", "title: More\nminutes: 5\nobjectives: [More]\nslides: [only]\n")
                        .put(ES + "more/only.yaml", "kind: closing\ntitle: Only\nbody: Only.\nnotes: Only.\n"),
                ES + "course.yaml", 9, "package.translation.added");
    }

    @Test
    void aSlideOfAnotherKindIsReported() {
        PackageProblem problem = onlyProblem(PackageFiles.translated()
                        .edit(ES + "basics/goodbye.yaml", "kind: closing", "kind: content"),
                ES + "basics/goodbye.yaml", 1, "package.translation.kind");
        assertThat(problem.toString()).contains("the original slide is a 'closing' slide, this one is 'content'");
    }

    @Test
    void aTranslationThatAddsAnOptionIsReportedAtTheOption() {
        PackageProblem problem = onlyProblem(PackageFiles.translated().edit(ES + "basics/check.yaml",
                        "        feedback: El progreso tiene altas y bajas.\n",
                        "        feedback: El progreso tiene altas y bajas.\n"
                                + "      - text: una espiral\n        feedback: Tampoco.\n"),
                ES + "basics/check.yaml", 14, "package.translation.optionAdded");
        assertThat(problem.toString()).contains("option 3 is not in the original, which has 2 options");
    }

    @Test
    void aTranslationThatLeavesOutAnOptionIsReportedAtTheOptions() {
        onlyProblem(PackageFiles.translated().edit(ES + "basics/check.yaml",
                        "      - text: El castigo\n"
                                + "        feedback: El castigo no tiene lugar en la recuperación.\n", ""),
                ES + "basics/check.yaml", 17, "package.translation.optionMissing");
    }

    @Test
    void anotherCorrectOptionIsReported() {
        // The second question is "multiple": marking the third option correct too still makes a valid question.
        PackageProblem problem = onlyProblem(PackageFiles.translated().edit(ES + "basics/check.yaml",
                        "      - text: El castigo\n", "      - text: El castigo\n        correct: true\n"),
                ES + "basics/check.yaml", 25, "package.translation.correct");
        assertThat(problem.toString()).contains("option 3 must be marked 'correct: false' as in the original");
    }

    @Test
    void anotherQuestionOrTypeIsReported() {
        assertThat(problems(PackageFiles.translated().edit(ES + "basics/check.yaml", "id: elements", "id: elementos")))
                .extracting(PackageProblem::file, PackageProblem::line, PackageProblem::code)
                .containsExactly(tuple(ES + "basics/check.yaml", 4, "package.translation.missing"),
                        tuple(ES + "basics/check.yaml", 14, "package.translation.added"));
        onlyProblem(PackageFiles.translated().edit(ES + "test.yaml", "type: single", "type: multiple"),
                ES + "test.yaml", 4, "package.translation.value");
    }

    @Test
    void anotherPassMarkOrTimeIsReported() {
        PackageProblem pass = onlyProblem(PackageFiles.translated()
                        .edit(ES + "basics/check.yaml", "pass-percent: 50", "pass-percent: 80"),
                ES + "basics/check.yaml", 3, "package.translation.value");
        assertThat(pass.toString()).contains("'pass-percent' must be the same as in the original (50), not 80");
        onlyProblem(PackageFiles.translated().edit(ES + "basics/module.yaml", "minutes: 10", "minutes: 12"),
                ES + "basics/module.yaml", 2, "package.translation.value");
    }

    @Test
    void aTranslatedCourseFileKeepsTheOriginalsIdLanguageAndRules() {
        onlyProblem(PackageFiles.translated().edit(ES + "course.yaml", "language: es", "language: en"),
                ES + "course.yaml", 3, "package.translation.language");
        onlyProblem(PackageFiles.translated().edit(ES + "course.yaml", "id: bilingual-course", "id: curso-bilingue"),
                ES + "course.yaml", 1, "package.translation.value");
        onlyProblem(PackageFiles.translated().edit(ES + "course.yaml", "modules:", "hours: 3\nmodules:"),
                ES + "course.yaml", 7, "package.translation.value");
        onlyProblem(PackageFiles.translated().edit(ES + "course.yaml", "modules:", "translations: [en]\nmodules:"),
                ES + "course.yaml", 7, "package.translation.nested");
        // Repeating what the original says is allowed.
        read(PackageFiles.translated().edit(ES + "course.yaml", "modules:", "hours: 2\nmodules:"));
    }

    @Test
    void aTranslationKeepsTheOriginalsKnowledgeTest() {
        onlyProblem(PackageFiles.translated().edit(ES + "course.yaml", "knowledge-test: test.yaml\n", ""),
                ES + "course.yaml", 1, "package.translation.knowledgeTest");
        onlyProblem(PackageFiles.translated().edit(ES + "test.yaml",
                        "        feedback: Las altas y bajas son normales.\n",
                        "        feedback: Las altas y bajas son normales.\n"
                                + "      - text: \"Quizás\"\n        feedback: Depende.\n"),
                ES + "test.yaml", 12, "package.translation.optionAdded");
    }

    @Test
    void aYamlSyntaxErrorInATranslatedFileIsReportedOnceInThatFile() {
        List<PackageProblem> problems = problems(PackageFiles.translated()
                .edit(ES + "basics/welcome.yaml", "title: Bienvenida en español", "title: \"Bienvenida sin cerrar"));
        assertThat(problems).as(problems.toString()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(ES + "basics/welcome.yaml");
            assertThat(p.line()).isPositive();
            assertThat(p.code()).isEqualTo("yaml.malformedAt");
        });
    }

    @Test
    void everyCheckOfTheOriginalHoldsInsideATranslatedFile() {
        onlyProblem(PackageFiles.translated().edit(ES + "basics/welcome.yaml", "  alt: Una rueda de ocho partes\n", ""),
                ES + "basics/welcome.yaml", 5, "package.image.alt");
        onlyProblem(PackageFiles.translated().edit(ES + "basics/welcome.yaml", "src: media/welcome.es.ogg",
                "src: media/bienvenida.ogg"), ES + "basics/welcome.yaml", 9, "package.file.missing");
        onlyProblem(PackageFiles.translated()
                        .edit(ES + "basics/goodbye.yaml", "kind: closing", "kind: closing\nmood: sad"),
                ES + "basics/goodbye.yaml", 2, "yaml.field.unknown");
        onlyProblem(PackageFiles.translated().edit(ES + "basics/goodbye.yaml", "title: Despedida en español",
                "title: \"Despedida\\0\""), ES + "basics/goodbye.yaml", 2, "yaml.text.controlCharacter");
        // Files are named from the package root in every language: a translation's YAML is as hidden as the original's.
        onlyProblem(PackageFiles.translated().edit(ES + "basics/goodbye.yaml", "Terminó lo básico en español.",
                "Vea [la guía](docs/guia.pdf)."), ES + "basics/goodbye.yaml", 4, "package.file.missing");
        onlyProblem(PackageFiles.translated().edit(ES + "basics/goodbye.yaml", "Terminó lo básico en español.",
                "Vea [la prueba](test.yaml)."), ES + "basics/goodbye.yaml", 4, "package.file.source");
        onlyProblem(PackageFiles.translated().edit(ES + "basics/goodbye.yaml", "Terminó lo básico en español.",
                "Vea [la prueba](translations/es/test.yaml)."), ES + "basics/goodbye.yaml", 4, "package.file.source");
        onlyProblem(PackageFiles.translated().edit(ES + "basics/goodbye.yaml", "Terminó lo básico en español.",
                "Vea [otra](slide:ninguna)."), ES + "basics/goodbye.yaml", 4, "package.link.slide");
    }

    @Test
    void narrationMustBeAnAudioFileOfAReasonableSize() {
        PackageProblem kind = onlyProblem(PackageFiles.translated()
                        .edit("basics/welcome.yaml", "src: media/welcome.en.ogg", "src: media/welcome.wav")
                        .put("media/welcome.wav", "RIFF"),
                "basics/welcome.yaml", 9, "package.audio.kind");
        assertThat(kind.toString()).contains("m4a, mp3, ogg, opus");
        onlyProblem(PackageFiles.translated().put("media/welcome.en.ogg", new byte[10 * 1024 * 1024 + 1]),
                "basics/welcome.yaml", 9, "package.audio.tooLarge");
        onlyProblem(PackageFiles.translated().edit("basics/welcome.yaml", "  title: Narration of the welcome\n",
                "  title: Narration of the welcome\n  autoplay: true\n"), "basics/welcome.yaml", 11,
                "yaml.field.unknown");
        // The title is optional: the player then names the audio itself.
        Course course = read(PackageFiles.translated()
                .edit("basics/welcome.yaml", "  title: Narration of the welcome\n", ""));
        assertThat(course.module("basics").orElseThrow().slides().get(0).audio().title()).isNull();
    }

    @Test
    void aMistakeInTheOriginalIsNotReportedAgainAsADifferenceOfTheTranslation() {
        List<PackageProblem> problems = problems(PackageFiles.translated()
                .edit("basics/check.yaml", "pass-percent: 50", "pass-percent: fifty"));
        assertThat(problems).as(problems.toString()).singleElement()
                .satisfies(p -> assertThat(p.file()).isEqualTo("basics/check.yaml"));
        assertThat(((KnowledgeCheckSlide) read(PackageFiles.translated()).in(SPANISH).module("basics").orElseThrow()
                .slides().get(2)).questions().get(1).options()).hasSize(3);
    }
    /**
     * An anchor repeated with aliases costs nothing to write and everything to read: a translated file of under 1 MB
     * whose tabs each repeat a long text by alias took 20 s and gigabytes to read. Aliases are refused after a few.
     */
    @Test
    void aTranslatedFileThatRepeatsATextByAliasManyTimesIsRefusedAtOnce() {
        StringBuilder file = new StringBuilder("kind: tabs\ntitle: Elementos\nnotes: &notes |\n");
        file.append(("  " + "palabra ".repeat(50) + "\n\n").repeat(2000)).append("tabs:\n");
        file.append("  - {label: Esperanza, body: *notes}\n".repeat(3000));
        long start = System.nanoTime();
        List<PackageProblem> problems = problems(PackageFiles.translated().put(ES + "basics/elements.yaml",
                file.toString()));
        // The 21st alias is reported; the slide, unread, is then missing where other slides link to it.
        assertThat(problems).as(problems.toString()).filteredOn(p -> p.file().equals(ES + "basics/elements.yaml"))
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(4005 + 20);
                    assertThat(p.code()).isEqualTo("yaml.aliases");
                    assertThat(p.toString()).contains("more than 20 aliases");
                });
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }
}
