package org.imrplatform.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/narrate on slide files as editors save them, into paths as people name them. Needs espeak-ng and opusenc. */
class NarrateScriptTest {

    @TempDir
    Path dir;

    private int narrate(Path slide, String output) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of("bin/narrate").toAbsolutePath().toString(), slide.toString(),
                output).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }

    private Path slide(String name, String text) throws IOException {
        Path slide = Files.createDirectories(dir.resolve("a folder")).resolve(name);
        return Files.writeString(slide, text, StandardCharsets.UTF_8);
    }

    @Test
    void windowsLineEndingsAnIndentationIndicatorAndAnOutputStartingWithADashAreNarrated() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/espeak-ng"))
                && Files.isExecutable(Path.of("/usr/bin/opusenc")));
        assertThat(narrate(slide("it's \"crlf\".yaml",
                "kind: closing\r\ntitle: x\r\nnotes: |\r\n  Saved on Windows.\r\nbody: |\r\n  x\r\n"),
                "out dir/crlf.ogg")).isZero();
        assertThat(dir.resolve("out dir/crlf.ogg")).isNotEmptyFile();
        assertThat(narrate(slide("indicator.yaml",
                "kind: closing\ntitle: x\nnotes: |2-\n  Indented by two.\nbody: x\n"), "indicator.ogg")).isZero();
        assertThat(narrate(slide("dash.yaml", "kind: closing\ntitle: x\nnotes: Short.\nbody: x\n"), "-dash.ogg"))
                .isZero();
        assertThat(dir.resolve("-dash.ogg")).isNotEmptyFile();
    }
}
