package org.imrplatform.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.imrplatform.course.packaging.CoursePackage;
import org.imrplatform.course.packaging.CoursePackageReader;
import org.junit.jupiter.api.Test;

/** The course that ships with the product is a valid package with the shape the center promises. */
class SampleCourseTest {

    private final Course course = CoursePackageReader.read(CoursePackage.fromClasspath("courses/imr-intro"));

    @Test
    void hasThreeModulesOfFifteenToTwentyFiveSlides() {
        assertThat(course.title()).startsWith("Illness Management and Recovery");
        assertThat(course.modules()).extracting(CourseModule::id)
                .containsExactly("overview", "educational-modules", "strategies");
        assertThat(course.modules()).allSatisfy(module -> {
            assertThat(module.slides()).hasSizeBetween(15, 25);
            assertThat(module.minutes()).isEqualTo(60);
            assertThat(module.slides()).anyMatch(s -> s instanceof KnowledgeCheckSlide);
            assertThat(module.slides().getLast()).isInstanceOf(ClosingSlide.class);
        });
    }

    @Test
    void usesEveryKindOfSlide() {
        Set<String> kinds = course.modules().stream().flatMap(m -> m.slides().stream()).map(Slide::kind)
                .collect(Collectors.toSet());
        assertThat(kinds).containsExactlyInAnyOrder(ContentSlide.KIND, TabsSlide.KIND, ReflectionSlide.KIND,
                VideoSlide.KIND, KnowledgeCheckSlide.KIND, ObjectivesSlide.KIND, ResourcesSlide.KIND,
                ClosingSlide.KIND);
    }

    @Test
    void teachesTheFactsModuleOneMustCover() {
        String overview = course.module("overview").orElseThrow().slides().stream()
                .map(Slide::toString).collect(Collectors.joining(" "));
        assertThat(overview).contains("1.1%").containsIgnoringCase("fidelity")
                .containsIgnoringCase("self-determination").containsIgnoringCase("eight");
    }

    @Test
    void comesInSpanishWithEverySlide() {
        Course spanish = course.in(Locale.forLanguageTag("es"));
        assertThat(spanish.language()).isEqualTo("es");
        assertThat(spanish.title()).contains("Manejo de la Enfermedad y Recuperación");
        assertThat(spanish.modules()).extracting(m -> m.slides().size())
                .containsExactlyElementsOf(course.modules().stream().map(m -> m.slides().size()).toList());
    }

    /** The player prints the verdict and the instruction (docs/course-format.md), so the content says neither. */
    private static final Pattern VERDICT = Pattern.compile(
            "^(<p>)?(Correct|Not quite|Right|Yes|No|Incorrect|Exactly|Correcto|Así es|No exactamente|Incorrecto|Sí|Exacto)\\b");
    private static final Pattern INSTRUCTION = Pattern.compile(
            "(?i)select all that apply|open each panel|seleccione todas|abra cada");

    @Test
    void leavesTheVerdictAndTheInstructionsToThePlayerInBothLanguages() {
        for (Course c : List.of(course, course.in(Locale.forLanguageTag("es")))) {
            List<KnowledgeCheckSlide.Question> questions = Stream.concat(
                    c.modules().stream().flatMap(m -> m.slides().stream())
                            .filter(KnowledgeCheckSlide.class::isInstance).map(KnowledgeCheckSlide.class::cast)
                            .flatMap(s -> s.questions().stream()),
                    c.knowledgeTest().questions().stream()).toList();
            assertThat(questions).isNotEmpty().allSatisfy(q -> {
                assertThat(q.prompt().value()).doesNotContainPattern(INSTRUCTION);
                assertThat(q.options()).allSatisfy(o -> assertThat(o.feedback().value()).doesNotContainPattern(VERDICT));
            });
            assertThat(c.modules().stream().flatMap(m -> m.slides().stream()).filter(TabsSlide.class::isInstance)
                    .map(TabsSlide.class::cast)).allSatisfy(t -> assertThat(t.intro().value())
                            .doesNotContainPattern(INSTRUCTION));
        }
    }
}
