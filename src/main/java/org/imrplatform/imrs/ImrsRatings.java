package org.imrplatform.imrs;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.participants.Participant;
import org.imrplatform.participants.ParticipantRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Participants' IMR Scale ratings. The pages' methods open the participant (or group) through
 * {@link ParticipantRecords} in the same transaction as they read or write ratings, so every use is logged with
 * it. {@link #progress} is for other modules: it takes participants the caller has already opened that way.
 */
@Service
public class ImrsRatings {

    private final ParticipantRecords records;
    private final RatingStore store;
    private final Clock clock;

    ImrsRatings(ParticipantRecords records, RatingStore store, Clock clock) {
        this.records = records;
        this.store = store;
        this.clock = clock;
    }

    /** For each participant and kind (client first), their ratings' first and latest mean and the next due date. */
    @Transactional(readOnly = true)
    public List<ImrsProgress> progress(Collection<Participant> participants) {
        Map<Long, List<RatingStore.Scored>> ratings = store.scored(participants.stream().map(Participant::id)
                .toList()).stream().collect(Collectors.groupingBy(RatingStore.Scored::participantId));
        LocalDate today = LocalDate.now(clock);
        List<ImrsProgress> progress = new ArrayList<>();
        for (Participant participant : participants) {
            List<RatingStore.Scored> own = ratings.getOrDefault(participant.id(), List.of());
            for (ImrsKind kind : ImrsKind.values()) {
                progress.add(progress(participant, own.stream().filter(r -> r.kind() == kind).toList(), kind, today));
            }
        }
        return progress;
    }

    /** One participant's ratings, oldest first, and when each kind is due next; logged as read. */
    @Transactional
    ParticipantImrs history(SignedInAccount me, String publicId) {
        Participant participant = records.open(me, publicId, ParticipantRecords.Use.READ, "imrs");
        List<ImrsRating> ratings = store.of(List.of(participant.id()));
        LocalDate today = LocalDate.now(clock);
        List<RatingStore.Scored> scored = ratings.stream()
                .map(r -> new RatingStore.Scored(r.participantId(), r.kind(), r.ratedOn(), r.score())).toList();
        return new ParticipantImrs(participant, ratings,
                progress(participant, scored.stream().filter(r -> r.kind() == ImrsKind.CLIENT).toList(),
                        ImrsKind.CLIENT, today).due(),
                progress(participant, scored.stream().filter(r -> r.kind() == ImrsKind.CLINICIAN).toList(),
                        ImrsKind.CLINICIAN, today).due());
    }

    /**
     * Records a checked rating of the participant on the scale version given; false, storing nothing, when one of
     * that kind is already recorded for that day.
     */
    @Transactional
    boolean record(SignedInAccount me, String publicId, ScaleVersion scale, LocalDate ratedOn,
            List<Answer> answers) {
        Participant participant = records.open(me, publicId, ParticipantRecords.Use.CHANGE, "imrs");
        return store.add(new ImrsRating(participant.id(), scale.kind(), scale.id(), scale.version(), ratedOn, answers),
                me.accountId(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** The group's participants with where each stands on both kinds; each participant is logged as read. */
    @Transactional
    List<GroupRow> group(SignedInAccount me, long groupId) {
        List<Participant> participants = records.inGroup(me, groupId, "imrs due");
        Map<Long, List<ImrsProgress>> progress = progress(participants).stream()
                .collect(Collectors.groupingBy(ImrsProgress::participantId));
        return participants.stream().map(p -> new GroupRow(p, progress.get(p.id()).get(0),
                progress.get(p.id()).get(1))).toList();
    }

    private static ImrsProgress progress(Participant participant, List<RatingStore.Scored> ratings, ImrsKind kind,
            LocalDate today) {
        List<ImrsProgress.MeanOn> means = ratings.stream().filter(r -> r.score().hasMean())
                .map(r -> new ImrsProgress.MeanOn(r.ratedOn(), r.score().mean())).toList();
        LocalDate last = ratings.isEmpty() ? null : ratings.getLast().ratedOn();
        return new ImrsProgress(participant.id(), kind, ratings.size(), means.isEmpty() ? null : means.getFirst(),
                means.isEmpty() ? null : means.getLast(), Due.of(kind, participant, last, today));
    }

    private static List<ImrsRating> ofKind(List<ImrsRating> ratings, ImrsKind kind) {
        return ratings.stream().filter(r -> r.kind() == kind).toList();
    }

    /** A participant's ratings and due dates, as their page shows them. */
    record ParticipantImrs(Participant participant, List<ImrsRating> ratings, Due clientDue, Due clinicianDue) {

        List<ImrsRating> of(ImrsKind kind) {
            return ofKind(ratings, kind);
        }
    }

    /** A line of the group's page: a participant and where they stand on the client and the clinician rating. */
    record GroupRow(Participant participant, ImrsProgress client, ImrsProgress clinician) {
    }
}
