package org.imrplatform.fidelity;

import java.util.List;
import java.util.stream.Collectors;

import org.imrplatform.course.packaging.PackageProblem;

/** Shipped instrument files have mistakes; the application refuses to start and lists each one with its line. */
class InvalidInstrumentException extends RuntimeException {

    private final List<PackageProblem> problems;

    InvalidInstrumentException(List<PackageProblem> problems) {
        super(problems.size() + " problem(s) in the instrument files:\n"
                + problems.stream().map(PackageProblem::toString).collect(Collectors.joining("\n")));
        this.problems = problems;
    }

    List<PackageProblem> problems() {
        return problems;
    }
}
