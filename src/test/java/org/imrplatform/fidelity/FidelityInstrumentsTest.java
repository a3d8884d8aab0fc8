package org.imrplatform.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.imrplatform.course.packaging.PackageProblem;
import org.junit.jupiter.api.Test;

/** The shipped instrument files load; a file with mistakes is refused with each problem's file and line. */
class FidelityInstrumentsTest {

    @Test
    void theShippedInstrumentsHaveEveryAnchor() {
        Instruments instruments = new Instruments("instruments");
        Instrument scale = instruments.require("imr-fidelity-scale", 1);
        assertThat(scale.kind()).isEqualTo(InstrumentKind.PROGRAMMATIC);
        assertThat(scale.items()).hasSize(13).noneMatch(InstrumentItem::optional);
        Instrument itis = instruments.require("it-is", 1);
        assertThat(itis.kind()).isEqualTo(InstrumentKind.CLINICAL);
        assertThat(itis.items()).hasSize(16);
        assertThat(itis.items().stream().filter(InstrumentItem::optional).map(InstrumentItem::id))
                .containsExactly("coping-skills", "relapse-prevention", "medication-tailoring");
        for (Instrument instrument : List.of(scale, itis)) {
            assertThat(instrument.items()).allSatisfy(item -> {
                assertThat(item.anchors().keySet()).containsExactly(1, 2, 3, 4, 5);
                assertThat(item.suggestion()).isNotBlank();
            });
        }
        assertThat(instruments.latest(InstrumentKind.CLINICAL)).containsExactly(itis);
    }

    @Test
    void aBrokenFileIsRefusedAtStartWithEveryProblemAndItsLine() {
        assertThatThrownBy(() -> new Instruments("instrument-files/bad"))
                .isInstanceOf(InvalidInstrumentException.class)
                .satisfies(e -> assertThat(((InvalidInstrumentException) e).problems()).map(PackageProblem::toString)
                        .contains(
                                "broken/2.yaml:1: the file of instrument 'broken' version 3 must be"
                                        + " 'broken/3.yaml', not 'broken/2.yaml'",
                                "broken/2.yaml:4: kind must be 'programmatic' or 'clinical', not 'clinician'",
                                "broken/2.yaml:8: scoring 'sum' is not known; the only rule is"
                                        + " 'mean-of-rated-items' (the mean of the rated items)",
                                "broken/2.yaml:20: 'from' must be a number within the scale (1 to 5), not '7'",
                                "broken/2.yaml:25: anchor for rating 5 is missing; every rating from 1 to 5 needs"
                                        + " its own text",
                                "broken/2.yaml:30: unknown field '6' in the anchors (ratings 1 to 5); the fields"
                                        + " allowed here are: 1, 2, 3, 4, 5",
                                "broken/2.yaml:32: item id 'first' is used twice; each item needs its own id",
                                "broken/2.yaml:32: missing required field 'suggestion'",
                                "broken/2.yaml:35: 'optional' must be true or false, not 'maybe'")
                        .anySatisfy(p -> assertThat(p).startsWith("broken/2.yaml:10: unknown field 'colour'"))
                        .anySatisfy(p -> assertThat(p).startsWith("broken/2.yaml:11: the lowest band must start"))
                        .anySatisfy(p -> assertThat(p).startsWith("malformed/1.yaml:").contains("malformed YAML")));
    }
}
