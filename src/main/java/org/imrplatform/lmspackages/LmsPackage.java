package org.imrplatform.lmspackages;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The files of one package, in the order they go into the zip. Pages and manifests are made when the package is
 * built (an error shows before anything is sent); the course's files are copied from the stored version while the
 * zip is written, straight into the response, so no second copy of the package is ever held in memory.
 */
final class LmsPackage {

    static final String LAUNCH_PAGE = "index.html";
    /**
     * The most a package may take: a stored course version is at most 50 MB unpacked, and the pages, script and
     * schemas add little, so a package past this is a fault, cut off rather than sent on without end.
     */
    static final long MAX_BYTES = 128L * 1024 * 1024;

    private final Map<String, Supplier<byte[]>> files = new LinkedHashMap<>();
    private final FileTime madeAt;
    private final long maxBytes;

    /**
     * {@code madeAt} dates every file (the version's publication): the same version always makes the same bytes,
     * so a center can tell whether a package it holds is the one it would download again.
     */
    LmsPackage(Instant madeAt) {
        this(madeAt, MAX_BYTES);
    }

    LmsPackage(Instant madeAt, long maxBytes) {
        this.madeAt = FileTime.from(madeAt);
        this.maxBytes = maxBytes;
    }

    void add(String path, byte[] content) {
        files.put(path, () -> content);
    }

    void add(String path, Supplier<byte[]> content) {
        files.put(path, content);
    }

    List<String> paths() {
        return List.copyOf(files.keySet());
    }

    void writeTo(OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(new Bounded(out, maxBytes))) {
            for (Map.Entry<String, Supplier<byte[]>> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setLastModifiedTime(madeAt);
                zip.putNextEntry(entry);
                zip.write(file.getValue().get());
                zip.closeEntry();
            }
        }
    }

    /** Counts what is written and stops past its limit; closing it leaves the response to the server. */
    private static final class Bounded extends FilterOutputStream {

        private final long maxBytes;
        private long written;

        Bounded(OutputStream out, long maxBytes) {
            super(out);
            this.maxBytes = maxBytes;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            written += length;
            if (written > maxBytes) {
                throw new IOException("The package passed " + maxBytes + " bytes");
            }
            out.write(bytes, offset, length);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
