package org.imrplatform.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without Chromium the browser tests fail with one line saying where it was looked for and how to get it. */
class ChromiumTest {

    @TempDir
    Path dir;

    @Test
    void aMissingBinaryNamedByThePropertyIsOneLineSayingWhereAndHowToGetOne() {
        String missing = dir.resolve("no-such-chromium").toString();

        assertThatThrownBy(() -> Chromium.find(missing))
                .isInstanceOf(Chromium.NotFound.class)
                .hasMessage("No Chromium at " + missing + " (from -Dimr.test.chromium): point"
                        + " -Dimr.test.chromium=/path at a Chromium binary, or leave it out and install Chromium"
                        + " (apt-get install chromium)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty())
                .hasNoCause();
    }

    @Test
    void withoutThePropertyTheMessageNamesTheUsualPlacesAndTheProperty() {
        assertThat(Chromium.USUAL_PLACES).extracting(Path::toString)
                .containsExactly("/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path debian = dir.resolve("chromium");
        Path ubuntu = dir.resolve("chromium-browser");

        assertThatThrownBy(() -> Chromium.find(null, List.of(debian, ubuntu)))
                .hasMessage("No Chromium at " + debian + " or " + ubuntu + ": install it (apt-get install chromium)"
                        + " or point at another binary with -Dimr.test.chromium=/path");
        assertThatThrownBy(() -> Chromium.find(" ", List.of(debian)))
                .hasMessageStartingWith("No Chromium at " + debian + ":");
    }

    @Test
    void aFileThatCannotBeRunIsNotChromium() throws Exception {
        Path notExecutable = Files.writeString(dir.resolve("chromium"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(notExecutable, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> Chromium.find(notExecutable.toString())).isInstanceOf(Chromium.NotFound.class);
    }

    @Test
    void anExecutableNamedByThePropertyIsTheOneUsed() throws Exception {
        Path binary = Files.writeString(dir.resolve("chromium"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(Chromium.find(binary.toString())).isEqualTo(binary);
    }
}
