package org.imrplatform.lmspackages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imrplatform.course.CourseCatalog;
import org.imrplatform.course.KnowledgeCheckSlide;
import org.imrplatform.course.StoredCourseVersion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * Builds the SCORM 1.2 and cmi5 packages of a stored course version. A package holds the launch page, one page per
 * slide, the course's files under assets/, the app's style sheet and the package's script under imr/, and its
 * manifest. It is made from the course alone: no learner's answers, reflections or records are ever read here.
 */
@Service
class LmsPackages {

    private static final String RUNTIME = "lmspackages/runtime/";
    /** The runtime files every package has, whatever its standard, as they lie on the class path. */
    private static final List<String> SHARED_FILES =
            List.of(RUNTIME + "tracker.js", RUNTIME + "page.js", RUNTIME + "player.css");

    private final CourseCatalog catalog;
    private final PackagePages pages;
    private final ObjectMapper json;
    private final String publicUrl;

    LmsPackages(CourseCatalog catalog, PackagePages pages, ObjectMapper json,
            @Value("${imr.public-url}") String publicUrl) {
        this.catalog = catalog;
        this.pages = pages;
        this.json = json;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** The package of a course version, or empty when the course or the version does not exist. */
    Optional<LmsPackage> build(String courseId, int number, LmsStandard standard) {
        return catalog.storedVersion(courseId, number).map(stored -> build(stored, standard));
    }

    private LmsPackage build(StoredCourseVersion stored, LmsStandard standard) {
        PackagedCourse packaged = PackagedCourse.of(stored.course());
        LmsPackage pack = new LmsPackage(stored.version().publishedAt());
        pack.add(LmsPackage.LAUNCH_PAGE, utf8(pages.launch(stored, packaged, standard)));
        for (PackagedCourse.SlidePage page : packaged.pages()) {
            pack.add(page.file(), utf8(pages.slide(stored, page)));
        }
        pack.add("imr/app.css", classpath("static/css/app.css"));
        for (String file : SHARED_FILES) {
            pack.add("imr/" + file.substring(RUNTIME.length()), classpath(file));
        }
        pack.add("imr/" + standard.runtime, classpath(RUNTIME + standard.runtime));
        pack.add("imr/course.js", utf8(courseFacts(packaged)));
        for (String asset : stored.course().assets().stream().sorted().toList()) {
            pack.add("assets/" + asset, () -> stored.asset(asset).orElseThrow());
        }
        switch (standard) {
            case SCORM_12 -> {
                for (String schema : ScormManifest.SCHEMAS) {
                    pack.add(schema, classpath("lmspackages/scorm12-schemas/" + schema));
                }
                List<String> files = pack.paths();
                pack.add(ScormManifest.FILE, utf8(ScormManifest.of(packaged, stored.version().number(), files)));
            }
            case CMI5 -> pack.add(Cmi5CourseStructure.FILE, utf8(Cmi5CourseStructure.of(packaged, publicUrl)));
        }
        return pack;
    }

    /**
     * What the package's script knows about the course (imr/course.js, a file rather than inline script so pages
     * keep a strict CSP): the pages in order, each knowledge check's size and pass mark, and the completion rule.
     */
    private String courseFacts(PackagedCourse packaged) {
        Map<String, Object> checks = new LinkedHashMap<>();
        for (PackagedCourse.PackagedSlide at : packaged.slides()) {
            if (at.slide() instanceof KnowledgeCheckSlide check) {
                checks.put(at.file(), Map.of("questions", check.questions().size(),
                        "passPercent", check.passPercent()));
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("pages", packaged.slides().stream().map(PackagedCourse.PackagedSlide::file).toList());
        facts.put("checks", checks);
        facts.put("viewAllSlides", packaged.course().completion().viewAllSlides());
        facts.put("passKnowledgeChecks", packaged.requiresPassing());
        try {
            return "// What the package's script knows about the course (written by IMR Platform).\n"
                    + "window.IMR_COURSE = " + json.writeValueAsString(facts) + ";\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] classpath(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Missing package file " + path, e);
        }
    }
}
