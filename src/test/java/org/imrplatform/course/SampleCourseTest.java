package org.imrplatform.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

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
}
