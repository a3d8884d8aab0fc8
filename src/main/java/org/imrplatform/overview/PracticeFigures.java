package org.imrplatform.overview;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.imrplatform.goals.RecoveryGoals;
import org.imrplatform.imrs.ImrsKind;
import org.imrplatform.imrs.ImrsProgress;
import org.imrplatform.imrs.ImrsRatings;
import org.imrplatform.participants.Participant;
import org.imrplatform.participants.ParticipantRecords;
import org.imrplatform.practice.Programs;
import org.imrplatform.relapse.RelapsePlans;
import org.imrplatform.sessions.GroupSessions;
import org.imrplatform.shared.Share;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The center's Practice figures for a period, for the Evaluate face's outcomes and its exports (definitions in
 * docs/metrics.md): counts that identify nobody.
 */
@Service
public class PracticeFigures {

    /** The figures of one period (both days included). */
    public record Figures(int activePrograms, int activeGroups, int sessionsHeld, int participantsServed,
            int withGoal, int withPlan, ImrsChange client, ImrsChange clinician) {

        public long goalShare() {
            return Share.percent(withGoal, participantsServed);
        }

        public long planShare() {
            return Share.percent(withPlan, participantsServed);
        }
    }

    private final Programs programs;
    private final GroupSessions sessions;
    private final ParticipantRecords participants;
    private final RecoveryGoals goals;
    private final RelapsePlans plans;
    private final ImrsRatings imrs;

    PracticeFigures(Programs programs, GroupSessions sessions, ParticipantRecords participants, RecoveryGoals goals,
            RelapsePlans plans, ImrsRatings imrs) {
        this.programs = programs;
        this.sessions = sessions;
        this.participants = participants;
        this.goals = goals;
        this.plans = plans;
        this.imrs = imrs;
    }

    @Transactional(readOnly = true)
    public Figures of(LocalDate from, LocalDate to) {
        Map<Long, Integer> held = sessions.heldByGroup(from, to);
        Set<Long> activePrograms = new HashSet<>();
        programs.groups().stream().filter(group -> held.containsKey(group.id()))
                .forEach(group -> activePrograms.add(group.programId()));
        List<Participant> served = participants.forFigures().stream().filter(p -> p.takingPartBetween(from, to))
                .toList();
        List<Long> ids = served.stream().map(Participant::id).toList();
        List<ImrsProgress> progress = imrs.progress(served);
        return new Figures(activePrograms.size(), held.size(), held.values().stream().mapToInt(Integer::intValue).sum(),
                served.size(),
                goals.withWrittenGoal(ids, to).size(), plans.withPlanOn(ids, to).size(),
                ImrsChange.of(progress, ImrsKind.CLIENT), ImrsChange.of(progress, ImrsKind.CLINICIAN));
    }
}
