package org.imrplatform.course.packaging;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found while reading a package, so the author sees them all in one go. */
final class Problems {

    private final List<PackageProblem> found = new ArrayList<>();

    void add(String file, int line, String message) {
        found.add(new PackageProblem(file, line, message));
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidCoursePackageException(found);
        }
    }
}
