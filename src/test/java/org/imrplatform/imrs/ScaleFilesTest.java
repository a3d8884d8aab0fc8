package org.imrplatform.imrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.imrplatform.course.packaging.PackageProblem;
import org.junit.jupiter.api.Test;

/** The shipped scale files load whole in both languages; a file with mistakes is refused with each file and line. */
class ScaleFilesTest {

    @Test
    void bothVersionsHaveFifteenItemsWithFiveOptionsInEnglishAndSpanish() {
        ScaleFiles files = new ScaleFiles("imrs");
        ScaleVersion client = files.latest(ImrsKind.CLIENT);
        ScaleVersion clinician = files.latest(ImrsKind.CLINICIAN);
        assertThat(client.id()).isEqualTo("imrs-client");
        assertThat(clinician.id()).isEqualTo("imrs-clinician");
        for (ScaleVersion scale : List.of(client, clinician)) {
            assertThat(scale.items()).extracting(ScaleItem::number)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 15).boxed().toList());
            assertThat(scale.items()).allSatisfy(item -> {
                assertThat(item.options().keySet()).containsExactly(1, 2, 3, 4, 5);
                assertThat(item.options().values()).allSatisfy(w -> assertThat(w.es()).isNotBlank());
            });
            assertThat(scale.items().stream().filter(ScaleItem::allowsNotApplicable).map(ScaleItem::number))
                    .containsExactly(13, 14, 15);
            assertThat(scale.items().stream().filter(ScaleItem::unconfirmed).map(ScaleItem::number))
                    .containsExactly(6, 7, 9, 10, 12, 13, 14, 15);
        }
        assertThat(client.item(1).orElseThrow().option(5).in(Locale.forLanguageTag("es")))
                .isEqualTo("Logré mi meta, o estoy a punto de lograrla.");
        assertThat(clinician.name().in(Locale.ENGLISH)).isEqualTo("IMR Scale, clinician rating");
    }

    @Test
    void aBrokenFileIsRefusedAtStartWithEveryProblemAndItsLine() {
        assertThatThrownBy(() -> new ScaleFiles("imrs-files/bad"))
                .isInstanceOf(InvalidScaleFileException.class)
                .satisfies(e -> assertThat(((InvalidScaleFileException) e).problems()).map(PackageProblem::toString)
                        .contains(
                                "broken/1.yaml:1: the file of scale 'broken' version 2 must be 'broken/2.yaml',"
                                        + " not 'broken/1.yaml'",
                                "broken/1.yaml:4: the Spanish text (es) of the name is missing",
                                "broken/1.yaml:7: item 2 is missing; the scale needs items 1 to 15, each once",
                                "broken/1.yaml:7: item 15 is missing; the scale needs items 1 to 15, each once",
                                "broken/1.yaml:11: option 5 of item 1 is missing; every item needs an option for"
                                        + " each score from 1 to 5",
                                "broken/1.yaml:16: unknown field '6' in the options of item 1 (scores 1 to 5 only);"
                                        + " the fields allowed here are: 1, 2, 3, 4, 5",
                                "broken/1.yaml:17: item number 1 is used twice; each number from 1 to 15 is used"
                                        + " once",
                                "broken/1.yaml:23: the Spanish text (es) of option 3 of item 1 is missing",
                                "broken/1.yaml:26: 'number' must be a whole number from 1 to 15, not '16'")
                        .anySatisfy(p -> assertThat(p).startsWith("malformed/1.yaml:").contains("malformed YAML")));
    }
}
