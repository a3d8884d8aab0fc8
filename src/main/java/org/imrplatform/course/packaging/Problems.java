package org.imrplatform.course.packaging;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found while reading a package, so the author sees them all in one go. */
public final class Problems {

    private final List<PackageProblem> found = new ArrayList<>();

    /** A problem told by its key in messages.properties; see {@link PackageProblem#of}. */
    public void add(String file, int line, String code, Object... arguments) {
        found.add(PackageProblem.of(file, line, code, arguments));
    }

    /** Every problem found so far, sorted by file and line. */
    public List<PackageProblem> found() {
        return found.stream().sorted().toList();
    }

    /** Whether a problem was found in this file. */
    boolean any(String file) {
        return found.stream().anyMatch(problem -> problem.file().equals(file));
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidCoursePackageException(found);
        }
    }
}
