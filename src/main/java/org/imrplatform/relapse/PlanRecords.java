package org.imrplatform.relapse;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.participants.Participant;
import org.imrplatform.participants.ParticipantRecords;
import org.imrplatform.participants.ParticipantRecords.Use;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reading and saving a participant's plan for the person at the page: each method opens the participant through
 * {@link ParticipantRecords} (404 to anyone who may not work with them) in the transaction that reads or writes the
 * versions, so the audit entry and the data go together.
 */
@Service
class PlanRecords {

    /** What a save did: stored the next version, found nothing changed, or found a newer version than the form's. */
    enum Outcome {
        SAVED, UNCHANGED, STALE
    }

    /** The participant and their plan's versions, the newest first. */
    record PlanHistory(Participant participant, List<PlanVersion> versions) {

        Optional<PlanVersion> current() {
            return versions.stream().findFirst();
        }

        /** The version of that number; 404 when this participant has none (another's number, a made-up one). */
        PlanVersion version(int number) {
            return versions.stream().filter(version -> version.number() == number).findFirst()
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
    }

    private final ParticipantRecords participants;
    private final PlanVersions versions;
    private final Clock clock;

    PlanRecords(ParticipantRecords participants, PlanVersions versions, Clock clock) {
        this.participants = participants;
        this.versions = versions;
        this.clock = clock;
    }

    /** The participant and their plan's versions; the audit entry says what the page shows ("plan", ...). */
    @Transactional
    PlanHistory history(SignedInAccount me, String publicId, String what) {
        Participant participant = participants.open(me, publicId, Use.READ, what);
        return new PlanHistory(participant, versions.all(participant.id()));
    }

    /**
     * Saves the plan as the next version when it differs from the current one and the form was written on the
     * current one ({@code basedOn}, 0 for a first plan): the same form sent twice, or sent after someone else saved,
     * stores nothing.
     */
    @Transactional
    Outcome save(SignedInAccount me, String publicId, int basedOn, RelapsePlan plan) {
        Participant participant = participants.open(me, publicId, Use.READ, "plan");
        Optional<PlanVersion> current = versions.current(participant.id());
        if (current.map(version -> version.plan().equals(plan)).orElse(false)) {
            return Outcome.UNCHANGED;
        }
        int number = current.map(PlanVersion::number).orElse(0);
        if (number != basedOn) {
            return Outcome.STALE;
        }
        participants.open(me, publicId, Use.CHANGE, "plan");
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        versions.add(participant.id(), number + 1, plan, me.accountId(), now, LocalDate.now(clock));
        return Outcome.SAVED;
    }

}
