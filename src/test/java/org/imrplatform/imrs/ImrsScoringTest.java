package org.imrplatform.imrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.imrplatform.participants.Participant;
import org.imrplatform.participants.ParticipantStatus;
import org.junit.jupiter.api.Test;

/** Means and due dates against fixtures worked out by hand (docs/metrics.md, "IMR Scale"). */
class ImrsScoringTest {

    private static final LocalDate JOINED = LocalDate.of(2025, 1, 6);

    /** Items 1, 2, ... scored in order; then the listed items marked not applicable. */
    private static List<Answer> answers(List<Integer> scores, int... notApplicable) {
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            answers.add(new Answer(i + 1, scores.get(i)));
        }
        for (int item : notApplicable) {
            answers.add(new Answer(item, null));
        }
        return answers;
    }

    @Test
    void theMeanIsTakenOverScoredItemsOnly() {
        // 4+3+5+2+4+3+3+4+5+5+4+2+3+4+5 = 56; 56 / 15 = 3.7333
        ImrsScore full = ImrsScore.of(answers(List.of(4, 3, 5, 2, 4, 3, 3, 4, 5, 5, 4, 2, 3, 4, 5)));
        assertThat(full).isEqualTo(new ImrsScore(15, 0, new BigDecimal("3.73")));
        // Items 13 to 15 not applicable: 44 / 12 = 3.6667, rounded half up
        ImrsScore withNotApplicable = ImrsScore.of(answers(List.of(4, 3, 5, 2, 4, 3, 3, 4, 5, 5, 4, 2), 13, 14, 15));
        assertThat(withNotApplicable).isEqualTo(new ImrsScore(12, 3, new BigDecimal("3.67")));
        // Ten scored (30 / 10), items 11 and 12 unanswered, 13 to 15 not applicable: the least that has a mean
        assertThat(ImrsScore.of(answers(List.of(1, 2, 3, 4, 5, 1, 2, 3, 4, 5), 13, 14, 15)))
                .isEqualTo(new ImrsScore(10, 3, new BigDecimal("3.00")));
        // Nine scored: no mean, however good
        ImrsScore tooFew = ImrsScore.of(answers(List.of(5, 5, 5, 5, 5, 5, 5, 5, 5), 13));
        assertThat(tooFew.hasMean()).isFalse();
        assertThat(tooFew.answered()).isEqualTo(9);
    }

    private static Participant participant(ParticipantStatus status) {
        return new Participant(1, "x".repeat(22), 1, 1, "P-1", null, JOINED, JOINED, status,
                status == ParticipantStatus.ACTIVE ? null : LocalDate.of(2025, 3, 1), null);
    }

    private static Due.State state(LocalDate last, String today) {
        return Due.of(ImrsKind.CLIENT, participant(ParticipantStatus.ACTIVE), last, LocalDate.parse(today)).state();
    }

    @Test
    void theFirstRatingIsDueOnJoiningAndTheNextThreeMonthsAfterTheLast() {
        assertThat(state(null, "2025-01-05")).isEqualTo(Due.State.NOT_YET);
        assertThat(state(null, "2025-01-06")).isEqualTo(Due.State.DUE);
        assertThat(state(null, "2025-02-05")).isEqualTo(Due.State.DUE);
        assertThat(state(null, "2025-02-06")).isEqualTo(Due.State.OVERDUE);

        LocalDate last = LocalDate.of(2025, 1, 15);
        assertThat(Due.of(ImrsKind.CLINICIAN, participant(ParticipantStatus.ACTIVE), last, LocalDate.of(2025, 2, 1)))
                .isEqualTo(new Due(ImrsKind.CLINICIAN, Due.State.NOT_YET, LocalDate.of(2025, 4, 15), last));
        assertThat(state(last, "2025-04-14")).isEqualTo(Due.State.NOT_YET);
        // Exactly three months after the last rating: due that day
        assertThat(state(last, "2025-04-15")).isEqualTo(Due.State.DUE);
        assertThat(state(last, "2025-05-14")).isEqualTo(Due.State.DUE);
        assertThat(state(last, "2025-05-15")).isEqualTo(Due.State.OVERDUE);
        // A month's end: three months after 31 January is 30 April
        assertThat(Due.of(ImrsKind.CLIENT, participant(ParticipantStatus.ACTIVE), LocalDate.of(2025, 1, 31),
                LocalDate.of(2025, 4, 30)).dueOn()).isEqualTo(LocalDate.of(2025, 4, 30));
    }

    @Test
    void aParticipantWhoLeftOrFinishedIsNeverDue() {
        for (ParticipantStatus ended : List.of(ParticipantStatus.LEFT, ParticipantStatus.FINISHED)) {
            Due due = Due.of(ImrsKind.CLIENT, participant(ended), null, LocalDate.of(2026, 1, 1));
            assertThat(due.state()).isEqualTo(Due.State.NOT_TAKING_PART);
            assertThat(due.owed()).isFalse();
        }
    }

    @Test
    void theChangeRunsFromTheFirstMeanToTheLatest() {
        ImrsProgress.MeanOn first = new ImrsProgress.MeanOn(LocalDate.of(2025, 1, 6), new BigDecimal("3.00"));
        ImrsProgress.MeanOn latest = new ImrsProgress.MeanOn(LocalDate.of(2025, 7, 7), new BigDecimal("3.73"));
        Due due = Due.of(ImrsKind.CLIENT, participant(ParticipantStatus.ACTIVE), latest.on(), latest.on());
        assertThat(new ImrsProgress(1, ImrsKind.CLIENT, 3, first, latest, due).change())
                .isEqualByComparingTo("0.73");
        assertThat(new ImrsProgress(1, ImrsKind.CLIENT, 1, first, first, due).change()).isNull();
        assertThat(new ImrsProgress(1, ImrsKind.CLIENT, 0, null, null, due).change()).isNull();
    }
}
