package org.imrplatform.overview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.imrplatform.goals.RecoveryGoals;
import org.imrplatform.imrs.ImrsKind;
import org.imrplatform.imrs.ImrsProgress;
import org.imrplatform.imrs.ImrsRatings;
import org.imrplatform.participants.Participant;
import org.imrplatform.participants.ParticipantRecords;
import org.imrplatform.practice.ImrGroup;
import org.imrplatform.relapse.RelapsePlans;
import org.imrplatform.sessions.Attendance;
import org.imrplatform.sessions.GroupSessions;
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
    private final GroupSessions sessions;
    private final Clock clock;

    GroupOutcomes(ParticipantRecords participants, RecoveryGoals goals, RelapsePlans plans, ImrsRatings imrs,
            GroupSessions sessions, Clock clock) {
        this.participants = participants;
        this.sessions = sessions;
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
        int minutes = sessions.attendance(people, BEGINNING, today).values().stream().mapToInt(Attendance::minutes)
                .sum();
        BigDecimal meanHours = people.isEmpty() ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60L * people.size()), 1, RoundingMode.HALF_UP);
        return new GroupOutcome(group, people.size(), (int) people.stream().filter(Participant::active).count(),
                sessions.held(group.id(), BEGINNING, today).size(), meanHours,
                goals.withWrittenGoal(ids, today).size(), plans.withPlanOn(ids, today).size(),
                goals.stepsCompleted(ids, BEGINNING, today).values().stream().mapToInt(Integer::intValue).sum(),
                ImrsChange.of(progress, ImrsKind.CLIENT), ImrsChange.of(progress, ImrsKind.CLINICIAN));
    }
}
