package org.imrplatform.imrs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.imrplatform.course.packaging.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The scale versions shipped with the application, one file per version under {@code imrs/<id>/<version>.yaml}.
 * All are read at start-up; a file with a mistake stops the start with every problem listed, so a broken scale
 * never reaches a participant. New ratings use the latest version of their kind; older ratings keep theirs.
 */
@Component
class ScaleFiles {

    private final List<ScaleVersion> all;

    ScaleFiles(@Value("${imr.imrs.folder:imrs}") String folder) {
        this.all = load(folder);
        for (ImrsKind kind : ImrsKind.values()) {
            latest(kind);
        }
    }

    static List<ScaleVersion> load(String folder) {
        Problems problems = new Problems();
        ScaleFileReader reader = new ScaleFileReader(problems);
        List<ScaleVersion> found = new ArrayList<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + folder + "/*/*.yaml")) {
                String url = file.getURL().toString();
                // The path problems name: the scale's folder and file, e.g. imrs-client/1.yaml.
                String path = url.substring(url.lastIndexOf('/', url.lastIndexOf('/') - 1) + 1);
                ScaleVersion scale = reader.read(path, file.getContentAsString(StandardCharsets.UTF_8));
                if (scale != null) {
                    found.add(scale);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the IMR Scale files in " + folder, e);
        }
        if (!problems.found().isEmpty()) {
            throw new InvalidScaleFileException(problems.found());
        }
        found.sort(Comparator.comparing(ScaleVersion::id).thenComparing(ScaleVersion::version));
        return List.copyOf(found);
    }

    Optional<ScaleVersion> find(String id, int version) {
        return all.stream().filter(s -> s.id().equals(id) && s.version() == version).findFirst();
    }

    ScaleVersion require(String id, int version) {
        return find(id, version).orElseThrow(() -> new IllegalStateException(
                "IMR Scale file " + id + " version " + version + " is no longer shipped"));
    }

    /** The version new ratings of this kind use: the highest version of the kind's files. */
    ScaleVersion latest(ImrsKind kind) {
        return all.stream().filter(s -> s.kind() == kind).max(Comparator.comparingInt(ScaleVersion::version))
                .orElseThrow(() -> new IllegalStateException("no IMR Scale file of kind " + kind + " is shipped"));
    }
}
