package org.imrplatform.course.packaging;

import java.util.List;
import java.util.stream.Collectors;

/** A package was rejected; {@link #problems()} lists every mistake found, sorted by file and line. */
public class InvalidCoursePackageException extends RuntimeException {

    private final List<PackageProblem> problems;

    public InvalidCoursePackageException(List<PackageProblem> problems) {
        super(problems.size() + " problem(s) in the course package:\n"
                + problems.stream().map(PackageProblem::toString).collect(Collectors.joining("\n")));
        this.problems = problems.stream().sorted().toList();
    }

    /** One problem with the file as a whole, told by its key in messages.properties. */
    InvalidCoursePackageException(PackageProblem problem) {
        this(List.of(problem));
    }

    public List<PackageProblem> problems() {
        return problems;
    }
}
