package org.imrplatform.overview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.imrplatform.goals.RecoveryGoals;
import org.imrplatform.imrs.ImrsKind;
import org.imrplatform.imrs.ImrsProgress;
import org.imrplatform.imrs.ImrsRatings;
import org.imrplatform.participants.Participant;
import org.imrplatform.participants.ParticipantRecords;
import org.imrplatform.practice.ImrGroup;
import org.imrplatform.relapse.RelapsePlans;
import org.springframework.stereotype.Service;

/** Each group's outcomes as of today, from the Practice modules' records (definitions in docs/metrics.md). */
@Service
class GroupOutcomes {

    /** Before this day nobody's records were kept here: "since the start" for counts over all time. */
    private static final LocalDate BEGINNING = LocalDate.of(1990, 1, 1);

    private final ParticipantRecords participants;
    private final RecoveryGoals goals;
    private final RelapsePlans plans;
    private final ImrsRatings imrs;
    private final Clock clock;

    GroupOutcomes(ParticipantRecords participants, RecoveryGoals goals, RelapsePlans plans, ImrsRatings imrs,
            Clock clock) {
        this.participants = participants;
        this.goals = goals;
        this.plans = plans;
        this.imrs = imrs;
        this.clock = clock;
    }

    GroupOutcome of(ImrGroup group) {
        LocalDate today = LocalDate.now(clock);
        List<Participant> people = participants.forFigures(group.id());
        List<Long> ids = people.stream().map(Participant::id).toList();
        List<ImrsProgress> progress = imrs.progress(people);
        return new GroupOutcome(group, people.size(), (int) people.stream().filter(Participant::active).count(),
                goals.withWrittenGoal(ids, today).size(), plans.withPlanOn(ids, today).size(),
                goals.stepsCompleted(ids, BEGINNING, today).values().stream().mapToInt(Integer::intValue).sum(),
                meanChange(progress, ImrsKind.CLIENT), rated(progress, ImrsKind.CLIENT),
                meanChange(progress, ImrsKind.CLINICIAN), rated(progress, ImrsKind.CLINICIAN));
    }

    /** The mean, over the people with a change of this kind, of their latest mean minus their first; two decimals. */
    private static BigDecimal meanChange(List<ImrsProgress> progress, ImrsKind kind) {
        List<BigDecimal> changes = progress.stream().filter(p -> p.kind() == kind).map(ImrsProgress::change)
                .filter(Objects::nonNull).toList();
        if (changes.isEmpty()) {
            return null;
        }
        return changes.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(changes.size()), 2, RoundingMode.HALF_UP);
    }

    private static int rated(List<ImrsProgress> progress, ImrsKind kind) {
        return (int) progress.stream().filter(p -> p.kind() == kind && p.change() != null).count();
    }
}
