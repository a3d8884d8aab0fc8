package org.imrplatform.course.packaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * How much one uploaded zip may unpack to: entries, bytes per entry and bytes in all. Bytes are counted as they are
 * inflated, never taken from the sizes the zip claims, and entries that are skipped (folders, system clutter) are
 * inflated and counted too, so a small zip cannot make the server unpack without end.
 */
final class UnpackBudget {

    private static final int MAX_ENTRIES = 2_000;
    /** The whole upload may hold 25 MB; media hardly compresses, so no real file of a package unpacks to more. */
    private static final long MAX_ENTRY_BYTES = 25L * 1024 * 1024;
    private static final long MAX_TOTAL_BYTES = 50L * 1024 * 1024;

    private int entries;
    private long total;

    /** Counts one more entry of the zip, whether it is kept or skipped. */
    void entry() {
        if (++entries > MAX_ENTRIES) {
            throw new InvalidCoursePackageException(PackageProblem.ofUpload("package.zip.tooManyEntries", MAX_ENTRIES));
        }
    }

    /** The rest of the current entry, read within the budget. */
    byte[] read(InputStream entry, String path) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        copy(entry, path, content);
        return content.toByteArray();
    }

    /** Reads and discards the rest of an entry that is not kept, still counting its bytes. */
    void skip(InputStream entry, String path) throws IOException {
        copy(entry, path, OutputStream.nullOutputStream());
    }

    private void copy(InputStream entry, String path, OutputStream sink) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        for (int n; (n = entry.read(buffer)) > 0; ) {
            size += n;
            total += n;
            if (size > MAX_ENTRY_BYTES) {
                throw new InvalidCoursePackageException(
                        PackageProblem.of(path, 0, "package.zip.fileTooLarge", megabytes(MAX_ENTRY_BYTES)));
            }
            if (total > MAX_TOTAL_BYTES) {
                throw new InvalidCoursePackageException(
                        PackageProblem.of(path, 0, "package.zip.tooLarge", megabytes(MAX_TOTAL_BYTES)));
            }
            sink.write(buffer, 0, n);
        }
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
