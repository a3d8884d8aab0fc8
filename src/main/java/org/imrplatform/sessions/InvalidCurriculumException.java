package org.imrplatform.sessions;

import java.util.List;
import java.util.stream.Collectors;

import org.imrplatform.course.packaging.PackageProblem;

/** The curriculum file has mistakes; the application refuses to start and lists each one with its line. */
class InvalidCurriculumException extends RuntimeException {

    private final List<PackageProblem> problems;

    InvalidCurriculumException(List<PackageProblem> problems) {
        super(problems.size() + " problem(s) in the curriculum file:\n"
                + problems.stream().map(PackageProblem::toString).collect(Collectors.joining("\n")));
        this.problems = problems;
    }

    List<PackageProblem> problems() {
        return problems;
    }
}
