package org.imrplatform.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds course package zips for tests, starting from a valid package in src/test/resources/packages: {@code valid}
 * (a slide of every kind) or {@code translated} (a small course with its Spanish translation and narration).
 */
public final class PackageFiles {

    private final Map<String, byte[]> files = new TreeMap<>();

    public static PackageFiles valid() {
        return of("valid");
    }

    public static PackageFiles translated() {
        return of("translated");
    }

    private static PackageFiles of(String folder) {
        PackageFiles pack = new PackageFiles();
        Path root = Path.of("src/test/resources/packages", folder);
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                pack.files.put(root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pack;
    }

    public PackageFiles put(String path, String content) {
        return put(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public PackageFiles put(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    public PackageFiles remove(String path) {
        files.remove(path);
        return this;
    }

    public byte[] bytes(String path) {
        return files.get(path).clone();
    }

    public String text(String path) {
        return new String(files.get(path), StandardCharsets.UTF_8);
    }

    /** Replaces the first occurrence of {@code from} in a file. */
    public PackageFiles edit(String path, String from, String to) {
        String text = text(path);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(path + " does not contain " + from);
        }
        return put(path, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
    }

    public byte[] zip() {
        return zip("");
    }

    /** Zips the files under {@code folder} ("" for the zip's root), as a person zipping the course folder would. */
    public byte[] zip(String folder) {
        return zip(folder, out -> { });
    }

    /** Zips the files, then the entries {@code more} writes itself: content too large to hold, as in a zip bomb. */
    public byte[] zip(MoreEntries more) {
        return zip("", more);
    }

    private byte[] zip(String folder, MoreEntries more) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(folder + file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
            more.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes entries of its own into the zip being built. */
    @FunctionalInterface
    public interface MoreEntries {
        void writeTo(ZipOutputStream out) throws IOException;
    }
}
