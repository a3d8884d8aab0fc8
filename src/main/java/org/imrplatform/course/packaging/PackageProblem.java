package org.imrplatform.course.packaging;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * One mistake in a course package (or another file read as YAML), told by its key in messages.properties and the
 * arguments the key needs, so each reader sees it in their own language. {@code line} is 1-based; 0 means the
 * problem concerns the file as a whole, and an empty {@code file} the upload as a whole.
 */
public record PackageProblem(String file, int line, String code, List<Object> arguments)
        implements MessageSourceResolvable, Comparable<PackageProblem> {

    /**
     * Exception messages and logs are English. They are written where no application context may be running (a
     * shipped file that is broken stops the start), so they read the messages files themselves.
     */
    private static final MessageSource ENGLISH = english();

    /** {@code arguments} may hold {@link #phrase phrases}, resolved in the same language as the problem. */
    public static PackageProblem of(String file, int line, String code, Object... arguments) {
        // Not List.of: an argument may be null (a limit that could not be read), printed as such.
        return new PackageProblem(file, line, code, Collections.unmodifiableList(Arrays.asList(arguments.clone())));
    }

    /** A problem with the uploaded file as a whole, before any file inside it could be named. */
    public static PackageProblem ofUpload(String code, Object... arguments) {
        return of("", 0, code, arguments);
    }

    /** Part of a problem's message, such as what kind of entry an unknown field is in, told by its own key. */
    public static MessageSourceResolvable phrase(String code, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] {code}, arguments);
    }

    /** Where the problem is, as {@code file:line}, {@code file}, or nothing for the upload as a whole. */
    public String where() {
        return line > 0 ? file + ":" + line : file;
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return arguments.toArray();
    }

    @Override
    public int compareTo(PackageProblem other) {
        int byFile = file.compareTo(other.file);
        return byFile != 0 ? byFile : Integer.compare(line, other.line);
    }

    /** The problem in English, where it is first: {@code basics/goodbye.yaml:1: missing required field 'title'}. */
    @Override
    public String toString() {
        String text = ENGLISH.getMessage(this, Locale.ENGLISH);
        return file.isEmpty() ? text : where() + ": " + text;
    }

    private static MessageSource english() {
        // As Spring Boot sets up the application's own (spring.messages.* in application.properties).
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
