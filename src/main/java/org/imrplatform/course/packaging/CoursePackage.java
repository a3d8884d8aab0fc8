package org.imrplatform.course.packaging;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The files of a course package, by their path inside the package ({@code overview/module.yaml}). Packages are
 * read whole into memory: they are text plus a few images, and {@link UnpackBudget} keeps a hostile zip small.
 */
public final class CoursePackage {

    static final String COURSE_FILE = "course.yaml";

    private final Map<String, byte[]> files;
    private final String checksum;

    private CoursePackage(Map<String, byte[]> files) {
        this.files = Map.copyOf(files);
        this.checksum = checksumOf(new TreeMap<>(files));
    }

    /**
     * Reads an uploaded zip; the package may be at the zip's root or inside one top folder. A zip that unpacks to
     * more than {@link UnpackBudget} allows is refused before it can fill memory.
     */
    public static CoursePackage fromZip(byte[] zip) {
        Map<String, byte[]> entries = new TreeMap<>();
        UnpackBudget budget = new UnpackBudget();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                budget.entry();
                if (entry.isDirectory() || isSystemClutter(entry.getName())) {
                    budget.skip(in, entry.getName());
                    continue;
                }
                String path = safePath(entry.getName());
                entries.put(path, budget.read(in, path));
            }
        } catch (IOException | IllegalArgumentException e) {
            // A cut-short or corrupt zip fails with an IOException; an entry name that is not UTF-8 with an
            // IllegalArgumentException.
            throw new InvalidCoursePackageException(PackageProblem.ofUpload("package.zip.unreadable",
                    Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName())));
        }
        if (entries.isEmpty()) {
            // ZipInputStream finds no entry both in an empty zip and in a file that is no zip at all.
            throw new InvalidCoursePackageException(PackageProblem.ofUpload(
                    startsLikeAZip(zip) ? "package.zip.empty" : "package.zip.notZip"));
        }
        return new CoursePackage(withoutTopFolder(entries));
    }

    /** Reads a package folder shipped on the classpath, e.g. {@code courses/imr-intro}. */
    public static CoursePackage fromClasspath(String folder) {
        try {
            Resource root = new PathMatchingResourcePatternResolver().getResource("classpath:" + folder + "/");
            String rootUrl = root.getURL().toString();
            Map<String, byte[]> files = new TreeMap<>();
            for (Resource file : new PathMatchingResourcePatternResolver()
                    .getResources("classpath:" + folder + "/**/*")) {
                String url = file.getURL().toString();
                if (file.isReadable() && !url.endsWith("/") && url.startsWith(rootUrl)) {
                    try (InputStream in = file.getInputStream()) {
                        files.put(url.substring(rootUrl.length()), in.readAllBytes());
                    }
                }
            }
            if (!files.containsKey(COURSE_FILE)) {
                throw new IllegalStateException("No course package at classpath:" + folder);
            }
            return new CoursePackage(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] toZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (var file : new TreeMap<>(files).entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** SHA-256 over the paths and contents, so the same content always has the same checksum. */
    public String checksum() {
        return checksum;
    }

    /** The bytes of every file together: roughly what the package takes in memory. */
    public long bytes() {
        return files.values().stream().mapToLong(content -> content.length).sum();
    }

    public boolean contains(String path) {
        return files.containsKey(path);
    }

    public Optional<byte[]> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    /** The names of the folders right inside {@code folder} (ending in '/'), such as a package's translations. */
    Set<String> folders(String folder) {
        Set<String> names = new TreeSet<>();
        files.keySet().stream().filter(path -> path.startsWith(folder))
                .map(path -> path.substring(folder.length()))
                .filter(rest -> rest.indexOf('/') > 0)
                .forEach(rest -> names.add(rest.substring(0, rest.indexOf('/'))));
        return names;
    }

    Optional<String> text(String path) {
        return file(path).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** A zip starts with a file entry (bytes "PK" 3 4) or, when it holds nothing, its closing directory ("PK" 5 6). */
    private static boolean startsLikeAZip(byte[] file) {
        return file.length >= 4 && file[0] == 'P' && file[1] == 'K'
                && ((file[2] == 3 && file[3] == 4) || (file[2] == 5 && file[3] == 6));
    }

    private static boolean isSystemClutter(String name) {
        return name.startsWith("__MACOSX/") || name.endsWith(".DS_Store") || name.endsWith("Thumbs.db");
    }

    private static String safePath(String name) {
        String path = name.replace('\\', '/');
        if (path.startsWith("/") || path.contains(":") || path.equals("..") || path.startsWith("../")
                || path.contains("/../") || path.endsWith("/..")) {
            throw new InvalidCoursePackageException(PackageProblem.of(name, 0, "package.zip.unsafePath"));
        }
        return path;
    }

    private static Map<String, byte[]> withoutTopFolder(Map<String, byte[]> entries) {
        if (entries.containsKey(COURSE_FILE)) {
            return entries;
        }
        String first = entries.keySet().iterator().next();
        int slash = first.indexOf('/');
        if (slash < 0) {
            return entries;
        }
        String top = first.substring(0, slash + 1);
        if (!entries.keySet().stream().allMatch(p -> p.startsWith(top))) {
            return entries;
        }
        Map<String, byte[]> inner = new TreeMap<>();
        entries.forEach((path, content) -> inner.put(path.substring(top.length()), content));
        return inner;
    }

    private static String checksumOf(Map<String, byte[]> sorted) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            sorted.forEach((path, content) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(content);
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
