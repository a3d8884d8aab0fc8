package org.imrplatform.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSV cells a spreadsheet would run as formulas are made inert; figures are left as they are. */
class OutcomesTableTest {

    @Test
    void textThatStartsLikeAFormulaGetsAnApostropheAndFiguresDoNot() {
        assertThat(OutcomesTable.inert("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(OutcomesTable.inert("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(OutcomesTable.inert("-2+3")).isEqualTo("'-2+3");
        assertThat(OutcomesTable.inert("\tcmd")).isEqualTo("'\tcmd");
        assertThat(OutcomesTable.inert("+0.50")).isEqualTo("+0.50");
        assertThat(OutcomesTable.inert("-0.25")).isEqualTo("-0.25");
        assertThat(OutcomesTable.inert("67%")).isEqualTo("67%");
        assertThat(OutcomesTable.inert("Participants served")).isEqualTo("Participants served");
        assertThat(OutcomesTable.inert("")).isEmpty();
    }
}
