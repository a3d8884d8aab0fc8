package org.imrplatform.course.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.imrplatform.course.ClosingSlide;
import org.imrplatform.course.ContentSlide;
import org.imrplatform.course.Course;
import org.imrplatform.course.KnowledgeCheckSlide;
import org.imrplatform.course.ObjectivesSlide;
import org.imrplatform.course.ReflectionSlide;
import org.imrplatform.course.ResourcesSlide;
import org.imrplatform.course.Slide;
import org.imrplatform.course.TabsSlide;
import org.imrplatform.course.VideoSlide;
import org.imrplatform.support.PackageFiles;
import org.junit.jupiter.api.Test;

class CoursePackageReaderTest {

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

    @Test
    void readsEveryKindOfSlideInOrder() {
        Course course = read(PackageFiles.valid());

        assertThat(course.id()).isEqualTo("test-course");
        assertThat(course.hours()).isEqualTo(1);
        assertThat(course.modules()).extracting(m -> m.id()).containsExactly("basics", "second");
        List<Slide> slides = course.module("basics").orElseThrow().slides();
        assertThat(slides).extracting(Slide::id)
                .containsExactly("objectives", "welcome", "elements", "reflect", "story", "check", "reading", "goodbye");
        assertThat(slides).extracting(s -> (Object) s.getClass()).containsExactly(ObjectivesSlide.class,
                ContentSlide.class, TabsSlide.class, ReflectionSlide.class, VideoSlide.class,
                KnowledgeCheckSlide.class, ResourcesSlide.class, ClosingSlide.class);
        KnowledgeCheckSlide check = (KnowledgeCheckSlide) slides.get(5);
        assertThat(check.passPercent()).isEqualTo(50);
        assertThat(check.questions().get(1).multiple()).isTrue();
        assertThat(check.questions().get(1).isAnsweredBy(java.util.Set.of(0, 1))).isTrue();
        assertThat(check.questions().get(1).isAnsweredBy(java.util.Set.of(0))).isFalse();
    }

    @Test
    void acceptsAZipOfTheFolderItself() {
        Course course = CoursePackageReader.read(CoursePackage.fromZip(PackageFiles.valid().zip("test-course/")));
        assertThat(course.title()).isEqualTo("Test course for every slide kind");
    }

    @Test
    void sameContentHasTheSameChecksumWhateverTheZip() {
        assertThat(CoursePackage.fromZip(PackageFiles.valid().zip()).checksum())
                .isEqualTo(CoursePackage.fromZip(PackageFiles.valid().zip("folder/")).checksum())
                .isNotEqualTo(CoursePackage.fromZip(PackageFiles.valid()
                        .edit("basics/goodbye.yaml", "You finished", "You completed").zip()).checksum());
    }

    @Test
    void malformedYamlNamesFileAndLine() {
        assertThat(problems(PackageFiles.valid().put("basics/goodbye.yaml", """
                kind: closing
                title: Goodbye
                body: "unterminated
                notes: x
                """)))
                .singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo("basics/goodbye.yaml");
                    assertThat(p.line()).isBetween(3, 5);
                    assertThat(p.toString()).contains(": malformed YAML: ");
                });
    }

    /** The welcome slide links to the elements slide and to second/only: a broken file there is one problem, not two. */
    @Test
    void aSlideThatCannotBeParsedIsStillThereForTheLinksToIt() {
        String broken = """
                kind: tabs
                title: "unterminated
                notes: x
                """;
        assertThat(problems(PackageFiles.valid().put("basics/elements.yaml", broken)))
                .singleElement().satisfies(p -> assertThat(p.toString()).startsWith("basics/elements.yaml:"));
        assertThat(problems(PackageFiles.valid().put("second/module.yaml", broken)))
                .singleElement().satisfies(p -> assertThat(p.toString()).startsWith("second/module.yaml:"));
    }

    @Test
    void aVideoOfThePackageTakesItsCaptionsFromThePackage() {
        assertThat(problems(PackageFiles.valid().put("media/story.mp4", "video")
                .edit("basics/story.yaml", "  url: https://www.example.org/videos/story\n",
                        "  src: media/story.mp4\n  captions: https://www.example.org/story.vtt\n")))
                .extracting(PackageProblem::toString).containsExactly("basics/story.yaml:7: a video file of the package"
                        + " plays its captions from the package: put the captions file (.vtt) in the package and name"
                        + " its path, not an address");
    }

    @Test
    void unknownSlideKindListsTheKnownOnes() {
        assertThat(problems(PackageFiles.valid().edit("basics/goodbye.yaml", "kind: closing", "kind: quiz")))
                .singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo("basics/goodbye.yaml");
                    assertThat(p.line()).isEqualTo(1);
                    assertThat(p.toString()).contains("unknown slide kind 'quiz'").contains("knowledge-check");
                    // A key and the format's own words, so the page can say it in the reader's language.
                    assertThat(p.code()).isEqualTo("package.slide.kind");
                    assertThat(p.arguments()).containsExactly("quiz",
                            "closing, content, knowledge-check, objectives, reflection, resources, tabs, video");
                });
    }

    @Test
    void missingTitleIsReported() {
        assertThat(problems(PackageFiles.valid().edit("basics/goodbye.yaml", "title: Goodbye from basics\n", "")))
                .singleElement().hasToString("basics/goodbye.yaml:1: missing required field 'title'");
    }

    @Test
    void duplicateSlideIdIsReportedAtItsLine() {
        assertThat(problems(PackageFiles.valid().edit("basics/module.yaml", "  - goodbye", "  - goodbye\n  - check")))
                .singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo("basics/module.yaml");
                    assertThat(p.line()).isEqualTo(15);
                    assertThat(p.toString()).contains("slide 'check' is listed twice");
                });
    }

    @Test
    void duplicateQuestionIdIsReported() {
        assertThat(problems(PackageFiles.valid().edit("basics/check.yaml", "id: elements", "id: nonlinear")))
                .singleElement().satisfies(p -> assertThat(p).hasToString(
                        "basics/check.yaml:16: question id 'nonlinear' is used twice in this file"));
    }

    @Test
    void badlyFormedIdIsReported() {
        assertThat(problems(PackageFiles.valid().edit("course.yaml", "id: test-course", "id: Test Course")))
                .singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo("course.yaml");
                    assertThat(p.line()).isEqualTo(1);
                    assertThat(p.toString()).contains("'Test Course' is not a valid id");
                });
    }

    @Test
    void imageWithoutAltTextIsRejected() {
        assertThat(problems(PackageFiles.valid().edit("basics/welcome.yaml", "  alt: A wheel with eight parts\n", "")))
                .singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo("basics/welcome.yaml");
                    assertThat(p.line()).isEqualTo(7);
                    assertThat(p.toString()).contains("no alt text");
                });
    }

    @Test
    void markdownImageWithoutAltTextIsRejectedAtItsLine() {
        assertThat(problems(PackageFiles.valid().edit("basics/goodbye.yaml", "You finished the basics.",
                "You finished.\n\n  ![](images/wheel.svg)")))
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(6);
                    assertThat(p.toString()).contains("has no alt text");
                });
    }

    @Test
    void videoWithoutTranscriptIsRejected() {
        assertThat(problems(PackageFiles.valid().edit("basics/story.yaml",
                "transcript: |\n  Unique-video-transcript text of the story.\n", "")))
                .singleElement().hasToString("basics/story.yaml:1: missing required field 'transcript'");
    }

    @Test
    void brokenReferencesAreAllReported() {
        List<PackageProblem> problems = problems(PackageFiles.valid()
                .remove("basics/reflect.yaml")
                .remove("images/wheel.svg")
                .edit("course.yaml", "  - second", "  - second\n  - third")
                .edit("second/only.yaml", "slide:basics/welcome", "slide:basics/farewell"));

        assertThat(problems).extracting(PackageProblem::toString).containsExactly(
                "basics/module.yaml:10: slide 'reflect' is listed but basics/reflect.yaml is not in the package;"
                        + " add the file or remove the slide from the list",
                "basics/welcome.yaml:8: 'images/wheel.svg' is not in the package; paths are relative to the folder"
                        + " holding course.yaml (for example images/chart.svg)",
                "course.yaml:11: module 'third' is listed but third/module.yaml is not in the package;"
                        + " add the file or remove the module from the list",
                "second/only.yaml:4: the link points at slide 'farewell', which is not in module 'basics'");
    }

    @Test
    void unknownFieldIsReportedAsALikelyTypo() {
        assertThat(problems(PackageFiles.valid().edit("basics/goodbye.yaml", "title:", "titel: x\ntitle:")))
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.toString()).contains("unknown field 'titel'").contains("title");
                });
    }

    @Test
    void singleChoiceQuestionNeedsExactlyOneCorrectOption() {
        assertThat(problems(PackageFiles.valid().edit("basics/check.yaml",
                "      - text: a straight line\n", "      - text: a straight line\n        correct: true\n")))
                .singleElement().satisfies(p -> assertThat(p.toString())
                        .contains("needs exactly one option with 'correct: true', this one has 2"));
    }

    @Test
    void disallowedLinkSchemeIsRejected() {
        assertThat(problems(PackageFiles.valid().edit("basics/goodbye.yaml", "You finished the basics.",
                "[click](javascript:alert(1))")))
                .singleElement().satisfies(p -> assertThat(p.toString()).contains("is not allowed"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<PackageProblem> problems = problems(PackageFiles.valid()
                .edit("basics/goodbye.yaml", "kind: closing", "kind: quiz")
                .edit("basics/story.yaml", "title: A recovery story\n", "")
                .edit("course.yaml", "language: en", "language: fr"));
        assertThat(problems).hasSize(3).extracting(PackageProblem::file)
                .containsExactly("basics/goodbye.yaml", "basics/story.yaml", "course.yaml");
    }

    @Test
    void completionRuleIsReadAndCheckedForSense() {
        assertThat(read(PackageFiles.valid()).completion()).isEqualTo(org.imrplatform.course.CompletionRule.DEFAULT);
        assertThat(problems(PackageFiles.valid().edit("course.yaml", "hours: 1\n",
                "hours: 1\ncompletion:\n  view-all-slides: false\n  pass-knowledge-checks: no\n")))
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(7);
                    assertThat(p.toString()).contains("needs at least one of");
                });
    }

    @Test
    void knowledgeTestIsReadLikeKnowledgeCheckQuestions() {
        assertThat(read(PackageFiles.valid()).knowledgeTest().questions()).extracting(q -> q.id())
                .containsExactly("straight", "hope");
        assertThat(problems(PackageFiles.valid().remove("test.yaml"))).singleElement()
                .hasToString("course.yaml:7: the knowledge test 'test.yaml' is not in the package; add the file or"
                        + " remove the 'knowledge-test' line");
        assertThat(problems(PackageFiles.valid().edit("test.yaml", "        correct: true\n        feedback: It is.\n",
                "        feedback: It is.\n"))).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo("test.yaml");
                    assertThat(p.toString()).contains("needs exactly one option with 'correct: true', this one has 0");
                });
    }

    @Test
    void theFilesItsPagesShowOrLinkToAreTheCoursesAssets() {
        Course course = read(PackageFiles.valid()
                .edit("basics/story.yaml", "  url: https://www.example.org/videos/story\n",
                        "  src: media/story.mp4\n  captions: media/story.vtt\n")
                .edit("basics/goodbye.yaml", "You finished the basics.",
                        "You finished. ![A chart](images/chart.png) Keep [the handout](docs/handout.pdf).")
                .put("media/story.mp4", "video").put("media/story.vtt", "WEBVTT")
                .put("images/chart.png", "png").put("docs/handout.pdf", "pdf")
                .put("docs/draft.yaml", "notes: not linked").put("README.md", "# not linked"));

        assertThat(course.assets()).containsExactlyInAnyOrder("images/wheel.svg", "media/story.mp4",
                "media/story.vtt", "images/chart.png", "docs/handout.pdf");
    }

    @Test
    void linkToAFileTheCourseIsWrittenInIsRejected() {
        assertThat(problems(PackageFiles.valid().edit("basics/goodbye.yaml", "You finished the basics.",
                "See [the answers](test.yaml).")))
                .singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo("basics/goodbye.yaml");
                    assertThat(p.line()).isEqualTo(4);
                    assertThat(p.toString()).contains("'test.yaml' is one of the files the course is written in");
                });
    }

    @Test
    void missingCourseFileIsExplained() {
        assertThat(problems(PackageFiles.valid().remove("course.yaml")))
                .singleElement().hasToString("course.yaml: the file is missing from the package");
    }

    @Test
    void zipWithPathsLeavingTheFolderIsRejected() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("../evil.yaml"));
            zip.write("x".getBytes());
            zip.closeEntry();
        }
        assertThatThrownBy(() -> CoursePackage.fromZip(bytes.toByteArray()))
                .isInstanceOf(InvalidCoursePackageException.class).hasMessageContaining("unsafe path");
    }

    @Test
    void fileThatIsNotAZipIsExplained() {
        assertThatThrownBy(() -> CoursePackage.fromZip("course.yaml: not a zip".getBytes()))
                .isInstanceOf(InvalidCoursePackageException.class).hasMessageContaining("not a zip");
    }
}
