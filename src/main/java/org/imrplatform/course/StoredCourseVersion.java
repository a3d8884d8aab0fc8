package org.imrplatform.course;

import java.util.Optional;

/**
 * A stored version of a course with the files its pages use, for taking the version out whole (an LMS package).
 * Only the files the course shows or links to are handed out, never its YAML (the knowledge test's answers live
 * there). {@link #assetPrefix()} is how the course's pages address those files, so an export can rewrite it.
 */
public final class StoredCourseVersion {

    private final CourseVersion version;
    private final Course course;
    private final AssetSource files;

    /** Reads a file of the stored package by its path inside the package. */
    @FunctionalInterface
    interface AssetSource {
        Optional<byte[]> file(String path);
    }

    StoredCourseVersion(CourseVersion version, Course course, AssetSource files) {
        this.version = version;
        this.course = course;
        this.files = files;
    }

    public CourseVersion version() {
        return version;
    }

    public Course course() {
        return course;
    }

    /** The start every asset address of this version has in its pages, such as /courses/c/assets/checksum/. */
    public String assetPrefix() {
        return CourseAddresses.asset(course.id(), version.checksum(), "");
    }

    /** A file the version's pages show or link to, by its path in the package; empty for any other path. */
    public Optional<byte[]> asset(String path) {
        return course.assets().contains(path) ? files.file(path) : Optional.empty();
    }
}
