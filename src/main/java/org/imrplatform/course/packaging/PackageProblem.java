package org.imrplatform.course.packaging;

/**
 * One mistake in a course package. {@code line} is 1-based; 0 means the problem concerns the file as a whole.
 */
public record PackageProblem(String file, int line, String message) implements Comparable<PackageProblem> {

    @Override
    public int compareTo(PackageProblem other) {
        int byFile = file.compareTo(other.file);
        return byFile != 0 ? byFile : Integer.compare(line, other.line);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
