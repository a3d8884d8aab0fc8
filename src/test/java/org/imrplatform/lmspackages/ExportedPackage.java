package org.imrplatform.lmspackages;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.imrplatform.course.CourseCatalog;
import org.imrplatform.course.CourseVersion;
import org.imrplatform.course.packaging.CoursePackage;
import org.imrplatform.support.PackageFiles;

/** An exported package's files, read back from its zip; and the test course the package tests export. */
record ExportedPackage(Map<String, byte[]> files) {

    /**
     * Publishes the tests' course of every slide kind under an id of its own, with its story as a video in the
     * package (with captions), so a package carries images, video and captions. Returns the course id.
     */
    static String publishCourse(CourseCatalog catalog) {
        String id = "pkg-" + UUID.randomUUID().toString().substring(0, 8);
        catalog.publish(CoursePackage.fromZip(PackageFiles.valid().edit("course.yaml", "id: test-course", "id: " + id)
                .edit("basics/story.yaml", "video:\n  url: https://www.example.org/videos/story\n",
                        "video:\n  src: media/story.mp4\n  captions: media/story.vtt\n")
                .put("media/story.vtt", "WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n")
                .put("media/story.mp4", "not really a video").zip()), CourseVersion.Origin.UPLOAD, "test");
        return id;
    }

    static ExportedPackage of(byte[] zip) {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExportedPackage(files);
    }

    String text(String path) {
        byte[] content = files.get(path);
        if (content == null) {
            throw new AssertionError("The package has no " + path + "; it has " + files.keySet());
        }
        return new String(content, StandardCharsets.UTF_8);
    }

    /** Every file as text, for looking for what must not be anywhere in the package. */
    String allText() {
        StringBuilder all = new StringBuilder();
        files.values().forEach(content -> all.append(new String(content, StandardCharsets.UTF_8)).append('\n'));
        return all.toString();
    }

    /** Unpacks the package into {@code folder}, as an LMS does before serving it. */
    Path unpackInto(Path folder) {
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = folder.resolve(file.getKey()).normalize();
                if (!target.startsWith(folder)) {
                    throw new AssertionError("The package names a file outside itself: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
