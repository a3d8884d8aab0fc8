package org.imrplatform.imrs;

import java.util.Comparator;
import java.util.List;

import org.imrplatform.course.packaging.Problems;
import org.imrplatform.course.packaging.ShippedFiles;
import org.springframework.beans.factory.annotation.Value;
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
        List<ScaleVersion> read = ShippedFiles.read(folder, new ScaleFileReader(problems)::read);
        if (!problems.found().isEmpty()) {
            throw new InvalidScaleFileException(problems.found());
        }
        return read;
    }

    /** The version new ratings of this kind use: the highest version of the kind's files. */
    ScaleVersion latest(ImrsKind kind) {
        return all.stream().filter(s -> s.kind() == kind).max(Comparator.comparingInt(ScaleVersion::version))
                .orElseThrow(() -> new IllegalStateException("no IMR Scale file of kind " + kind + " is shipped"));
    }
}
