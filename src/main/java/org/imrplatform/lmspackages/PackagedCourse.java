package org.imrplatform.lmspackages;

import java.util.ArrayList;
import java.util.List;

import org.imrplatform.course.Course;
import org.imrplatform.course.CourseModule;
import org.imrplatform.course.KnowledgeCheckSlide;
import org.imrplatform.course.Slide;

/**
 * A course laid out as package pages: every slide of every module in reading order, each in a file of its own named
 * {@code module.slide.html} (ids are lower-case letters, digits and hyphens, so the name is unambiguous).
 */
record PackagedCourse(Course course, List<PackagedSlide> slides) {

    /** A slide with where it sits: its module (and that module's number from 1) and its page file. */
    record PackagedSlide(CourseModule module, int moduleNumber, Slide slide, String file) {
    }

    /**
     * What a slide page's template gets: the slide, its neighbours across modules (null at either end), and its
     * position in the whole course. The fields the app's slide fragments use ({@code course}, {@code module}) are
     * here under the same names.
     */
    record SlidePage(Course course, PackagedSlide at, PackagedSlide previous, PackagedSlide next, int number,
            int total) {

        public CourseModule module() {
            return at.module();
        }

        public int moduleNumber() {
            return at.moduleNumber();
        }

        public Slide slide() {
            return at.slide();
        }

        public String file() {
            return at.file();
        }
    }

    static PackagedCourse of(Course course) {
        List<PackagedSlide> slides = new ArrayList<>();
        for (int m = 0; m < course.modules().size(); m++) {
            CourseModule module = course.modules().get(m);
            for (Slide slide : module.slides()) {
                slides.add(new PackagedSlide(module, m + 1, slide, fileOf(module.id(), slide.id())));
            }
        }
        return new PackagedCourse(course, List.copyOf(slides));
    }

    static String fileOf(String moduleId, String slideId) {
        return moduleId + "." + slideId + ".html";
    }

    List<SlidePage> pages() {
        List<SlidePage> pages = new ArrayList<>();
        for (int i = 0; i < slides.size(); i++) {
            pages.add(new SlidePage(course, slides.get(i), i == 0 ? null : slides.get(i - 1),
                    i == slides.size() - 1 ? null : slides.get(i + 1), i + 1, slides.size()));
        }
        return pages;
    }

    List<KnowledgeCheckSlide> knowledgeChecks() {
        return slides.stream().map(PackagedSlide::slide).filter(KnowledgeCheckSlide.class::isInstance)
                .map(KnowledgeCheckSlide.class::cast).toList();
    }

    /**
     * Whether the course's own rule asks for passing its knowledge checks, and it has some: only then does the
     * package report passed (or failed) besides completed.
     */
    boolean requiresPassing() {
        return course.completion().passKnowledgeChecks() && !knowledgeChecks().isEmpty();
    }
}
