package org.imrplatform.imrs;

import java.util.List;
import java.util.stream.Collectors;

import org.imrplatform.course.packaging.PackageProblem;

/** Shipped IMR Scale files have mistakes; the application refuses to start and lists each one with its line. */
class InvalidScaleFileException extends RuntimeException {

    private final List<PackageProblem> problems;

    InvalidScaleFileException(List<PackageProblem> problems) {
        super(problems.size() + " problem(s) in the IMR Scale files:\n"
                + problems.stream().map(PackageProblem::toString).collect(Collectors.joining("\n")));
        this.problems = problems;
    }

    List<PackageProblem> problems() {
        return problems;
    }
}
