package org.imrplatform.course;

import java.util.List;

import org.imrplatform.course.packaging.CoursePackage;
import org.imrplatform.course.packaging.CoursePackageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Loads the course packages shipped with the application (the sample IMR course) at start-up. A shipped package
 * becomes current when the course is new, or when its current version was itself shipped, so a product update
 * brings new content but never replaces a version an administrator uploaded.
 */
@Component
class BundledCourses implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BundledCourses.class);

    private final CourseCatalog catalog;
    private final CourseVersionRepository repository;
    private final List<String> folders;

    BundledCourses(CourseCatalog catalog, CourseVersionRepository repository,
            @Value("${imr.courses.bundled:courses/imr-intro}") List<String> folders) {
        this.catalog = catalog;
        this.repository = repository;
        this.folders = folders;
    }

    @Override
    public void run(ApplicationArguments args) {
        folders.stream().filter(folder -> !folder.isBlank()).forEach(this::load);
    }

    private void load(String folder) {
        CoursePackage pack = CoursePackage.fromClasspath(folder);
        String courseId = CoursePackageReader.read(pack).id();
        boolean administratorOwnsIt = repository.current(courseId)
                .map(v -> v.origin() == CourseVersion.Origin.UPLOAD).orElse(false);
        if (administratorOwnsIt || repository.find(courseId, pack.checksum()).filter(CourseVersion::current).isPresent()) {
            return;
        }
        try {
            CourseVersion version = catalog.publish(pack, CourseVersion.Origin.BUNDLED, "bundled").version();
            log.info("Loaded bundled course '{}' as version {}", courseId, version.number());
        } catch (DuplicateKeyException e) {
            log.info("Bundled course '{}' was loaded by another node at the same time", courseId);
        }
    }
}
