package org.imrplatform.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where the browser tests find Chromium: the binary named by {@code -Dimr.test.chromium}, or else Debian's
 * ({@code /usr/bin/chromium}) or Ubuntu's ({@code /usr/bin/chromium-browser}). When there is none, the tests fail
 * with one line saying where it looked and how to get one, before Playwright's driver is started.
 */
public final class Chromium {

    /** The system property that points the browser tests at another binary. */
    public static final String PROPERTY = "imr.test.chromium";

    static final List<Path> USUAL_PLACES = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));

    private Chromium() {
    }

    /** The Chromium binary the browser tests drive. */
    public static Path executable() {
        return find(System.getProperty(PROPERTY));
    }

    /** The binary at {@code configured} (the property's value, or null when it is not set), or the usual one. */
    static Path find(String configured) {
        return find(configured, USUAL_PLACES);
    }

    static Path find(String configured, List<Path> usualPlaces) {
        boolean given = configured != null && !configured.isBlank();
        List<Path> candidates = given ? List.of(Path.of(configured)) : usualPlaces;
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String looked = candidates.stream().map(Path::toString).collect(Collectors.joining(" or "));
        throw new NotFound(given
                ? "No Chromium at " + looked + " (from -D" + PROPERTY + "): point -D" + PROPERTY
                        + "=/path at a Chromium binary, or leave it out and install Chromium (apt-get install chromium)"
                : "No Chromium at " + looked + ": install it (apt-get install chromium) or point at another binary"
                        + " with -D" + PROPERTY + "=/path");
    }

    /** Chromium is missing: the message is the whole story, so the exception carries no stack trace. */
    public static final class NotFound extends IllegalStateException {

        NotFound(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
