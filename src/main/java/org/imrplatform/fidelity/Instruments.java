package org.imrplatform.fidelity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.imrplatform.course.packaging.Problems;
import org.imrplatform.course.packaging.ShippedFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The instruments shipped with the application, one file per version under {@code instruments/<id>/<version>.yaml}.
 * All files are read at start-up; one with a mistake stops the start with every problem listed, so a broken
 * instrument never reaches a reviewer. New reviews use an instrument's latest version; older reviews keep theirs.
 */
@Component
class Instruments {

    private final List<Instrument> all;

    Instruments(@Value("${imr.instruments.folder:instruments}") String folder) {
        this.all = load(folder);
    }

    static List<Instrument> load(String folder) {
        Problems problems = new Problems();
        InstrumentReader reader = new InstrumentReader(problems);
        List<Instrument> found = new ArrayList<>(ShippedFiles.read(folder, reader::read));
        if (!problems.found().isEmpty()) {
            throw new InvalidInstrumentException(problems.found());
        }
        found.sort(Comparator.comparing(Instrument::name).thenComparing(Instrument::version));
        return List.copyOf(found);
    }

    /** Every instrument version, by name and version. */
    List<Instrument> all() {
        return all;
    }

    Optional<Instrument> find(String id, int version) {
        return all.stream().filter(i -> i.id().equals(id) && i.version() == version).findFirst();
    }

    Instrument require(String id, int version) {
        return find(id, version).orElseThrow(() -> new IllegalStateException(
                "instrument " + id + " version " + version + " is no longer shipped"));
    }

    /** The latest version of each instrument of this kind. */
    List<Instrument> latest(InstrumentKind kind) {
        return all.stream().filter(i -> i.kind() == kind).filter(this::isLatest).toList();
    }

    Optional<Instrument> latest(String id) {
        return all.stream().filter(i -> i.id().equals(id)).filter(this::isLatest).findFirst();
    }

    private boolean isLatest(Instrument instrument) {
        return all.stream().noneMatch(o -> o.id().equals(instrument.id()) && o.version() > instrument.version());
    }
}
