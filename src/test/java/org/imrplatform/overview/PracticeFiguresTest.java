package org.imrplatform.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;

import org.imrplatform.support.PlatformTest;
import org.imrplatform.support.PracticeGroups;
import org.imrplatform.support.PracticeRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The center's Practice figures of a period. Other tests' groups share the database, so the test reads the figures
 * before and after adding its own records and checks what its records added, worked out by hand.
 */
@PlatformTest
class PracticeFiguresTest {

    private static final LocalDate FROM = LocalDate.of(2025, 3, 1);
    private static final LocalDate TO = LocalDate.of(2025, 3, 31);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PracticeFigures practice;

    @Test
    void aPeriodsFiguresCountWhatItsRecordsAdd() throws Exception {
        PracticeGroups groups = PracticeGroups.create(mvc, jdbc);
        PracticeFigures.Figures before = practice.of(FROM, TO);
        PracticeRecords records = new PracticeRecords(mvc, jdbc, groups.facilitatorA());
        String one = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), "C-1");
        String two = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), "C-2");
        String left = PracticeGroups.addParticipant(mvc, groups.facilitatorB(), groups.groupB(), "C-3");
        // Two sessions of group A in March, one of group B in April (outside the period).
        records.session(groups.groupA(), LocalDate.of(2025, 3, 3), 1, one, two);
        records.session(groups.groupA(), LocalDate.of(2025, 3, 10), 1, one);
        new PracticeRecords(mvc, jdbc, groups.facilitatorB()).session(groups.groupB(), LocalDate.of(2025, 4, 7), 1,
                left);
        records.goalWithAStepDone(one, LocalDate.of(2025, 3, 10));
        records.imrs(one, "CLIENT", LocalDate.of(2025, 1, 10), 3);
        records.imrs(one, "CLIENT", LocalDate.of(2025, 3, 20), 4);

        PracticeFigures.Figures after = practice.of(FROM, TO);
        // Group A active (one program), 2 sessions; all three joined in January and none ended: 3 served;
        // one goal; one more person with a self-rating change.
        assertThat(after.activeGroups() - before.activeGroups()).isEqualTo(1);
        assertThat(after.activePrograms() - before.activePrograms()).isEqualTo(1);
        assertThat(after.sessionsHeld() - before.sessionsHeld()).isEqualTo(2);
        assertThat(after.participantsServed() - before.participantsServed()).isEqualTo(3);
        assertThat(after.withGoal() - before.withGoal()).isEqualTo(1);
        assertThat(after.withPlan() - before.withPlan()).isZero();
        assertThat(after.client().people() - before.client().people()).isEqualTo(1);

        String page = mvc.perform(get("/admin/outcomes").param("from", FROM.toString()).param("to", TO.toString())
                .cookie(groups.administrator())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("IMR groups (Practice)", "Participants served",
                after.withPlan() + " of the " + after.participantsServed() + " participants served had a plan");
        String csv = mvc.perform(get("/admin/outcomes/export.csv").param("from", FROM.toString())
                .param("to", TO.toString()).cookie(groups.administrator())).andReturn().getResponse()
                .getContentAsString();
        assertThat(csv).contains("Group sessions held," + after.sessionsHeld() + ",",
                "Participants served," + after.participantsServed() + ",",
                "With a written recovery goal," + after.goalShare() + "%," + after.participantsServed());
    }
}
