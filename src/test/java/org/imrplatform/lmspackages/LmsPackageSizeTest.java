package org.imrplatform.lmspackages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** A package is written as a stream with a bound: past it, writing stops instead of sending on without end. */
class LmsPackageSizeTest {

    private static byte[] noise(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes); // does not compress, so the zip is as large as its files
        return bytes;
    }

    @Test
    void writingStopsPastTheBound() {
        LmsPackage pack = new LmsPackage(Instant.EPOCH, 10_000);
        pack.add("index.html", noise(4_000));
        pack.add("assets/large.bin", () -> noise(20_000));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> pack.writeTo(out)).isInstanceOf(IOException.class)
                .hasMessage("The package passed 10000 bytes");
        assertThat(out.size()).isLessThanOrEqualTo(10_000);
    }

    @Test
    void aPackageWithinTheBoundIsWrittenWhole() throws IOException {
        LmsPackage pack = new LmsPackage(Instant.EPOCH, 10_000);
        pack.add("index.html", noise(4_000));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pack.writeTo(out);
        assertThat(ExportedPackage.of(out.toByteArray()).files().get("index.html")).isEqualTo(noise(4_000));
    }
}
