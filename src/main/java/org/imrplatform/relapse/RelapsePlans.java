package org.imrplatform.relapse;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.imrplatform.participants.Participant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may know of participants' relapse prevention plans: whether a participant has one (as of a
 * day), when it was written, last changed and is to be reviewed, for the facilitator's whole picture, fidelity item
 * 12 (relapse prevention training) and the center's figures. Dates and counts only, by the participant's internal
 * id; the plan's text only for a {@link Participant} the caller has opened through ParticipantRecords (audited).
 * SQL reports may read the view {@code relapse_plan_dates} instead.
 */
@Service
public class RelapsePlans {

    /** How many ids one query asks about, well under what H2 and PostgreSQL accept in a statement. */
    private static final int IDS_PER_QUERY = 1_000;

    private final PlanVersions versions;

    RelapsePlans(PlanVersions versions) {
        this.versions = versions;
    }

    /** Whether the participant had a plan on the day (a version saved on it or before). */
    @Transactional(readOnly = true)
    public boolean hadPlanOn(long participantId, LocalDate day) {
        return !versions.withPlanOn(List.of(participantId), day).isEmpty();
    }

    /** Of the participants, those who had a plan on the day: the share of a group or program with a plan. */
    @Transactional(readOnly = true)
    public Set<Long> withPlanOn(Collection<Long> participantIds, LocalDate day) {
        List<Long> ids = List.copyOf(new HashSet<>(participantIds));
        Set<Long> with = new HashSet<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            with.addAll(versions.withPlanOn(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)), day));
        }
        return with;
    }

    /** When the participant's plan was first written, last changed and is to be reviewed; empty without a plan. */
    @Transactional(readOnly = true)
    public Optional<PlanDates> dates(long participantId) {
        return versions.dates(participantId);
    }

    /** The current plan of a participant the caller has opened, for the participant's printed workbook. */
    @Transactional(readOnly = true)
    public Optional<PlanVersion> current(Participant participant) {
        return versions.current(participant.id());
    }
}
