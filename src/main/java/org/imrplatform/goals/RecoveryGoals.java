package org.imrplatform.goals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.imrplatform.participants.Participant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may know of participants' goals: figures (a facilitator's whole picture, the fidelity items
 * "goal setting" and "goal follow-up", the center's figures), by the participants' internal ids as the caller got
 * them from the participants module, each answer covering the ids asked about; the text only as the whole sheet of
 * a {@link Participant} the caller has opened through ParticipantRecords (audited).
 */
@Service
@Transactional(readOnly = true)
public class RecoveryGoals {

    /** How many ids go into one query's list, well under what the databases accept. */
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final GoalTracking tracking;

    RecoveryGoals(JdbcClient jdbc, GoalTracking tracking) {
        this.jdbc = jdbc;
        this.tracking = tracking;
    }

    /** The goal tracking sheet of a participant the caller has opened, for the participant's printed workbook. */
    public GoalSheet sheet(Participant participant) {
        return tracking.sheet(participant);
    }

    /** Those of the participants who had a written recovery goal by the day (set on or before it, ended or not). */
    public Set<Long> withWrittenGoal(Collection<Long> participantIds, LocalDate asOf) {
        Set<Long> with = new HashSet<>();
        for (List<Long> batch : batches(participantIds)) {
            with.addAll(jdbc.sql("select distinct participant_id from recovery_goal"
                            + " where participant_id in (:ids) and set_on <= :asOf")
                    .param("ids", batch).param("asOf", asOf).query(Long.class).list());
        }
        return with;
    }

    /** Steps completed from one day to another (both included), per participant; those with none are left out. */
    public Map<Long, Integer> stepsCompleted(Collection<Long> participantIds, LocalDate from, LocalDate to) {
        return perParticipant(participantIds, from, to, """
                select g.participant_id, count(*) from goal_step s
                join short_term_goal t on t.id = s.short_term_goal_id
                join recovery_goal g on g.id = t.goal_id
                where g.participant_id in (:ids) and s.completed_on between :from and :to
                group by g.participant_id
                """);
    }

    /** Goal follow-ups recorded from one day to another (both included), per participant; none are left out. */
    public Map<Long, Integer> followUps(Collection<Long> participantIds, LocalDate from, LocalDate to) {
        return perParticipant(participantIds, from, to, """
                select g.participant_id, count(*) from goal_follow_up f
                join goal_step s on s.id = f.step_id
                join short_term_goal t on t.id = s.short_term_goal_id
                join recovery_goal g on g.id = t.goal_id
                where g.participant_id in (:ids) and f.followed_on between :from and :to
                group by g.participant_id
                """);
    }

    private Map<Long, Integer> perParticipant(Collection<Long> participantIds, LocalDate from, LocalDate to,
            String sql) {
        Map<Long, Integer> counts = new HashMap<>();
        for (List<Long> batch : batches(participantIds)) {
            jdbc.sql(sql).param("ids", batch).param("from", from).param("to", to)
                    .query((rs, row) -> Map.entry(rs.getLong(1), rs.getInt(2))).list()
                    .forEach(count -> counts.put(count.getKey(), count.getValue()));
        }
        return counts;
    }

    private static List<List<Long>> batches(Collection<Long> ids) {
        List<Long> all = new ArrayList<>(new HashSet<>(ids));
        List<List<Long>> batches = new ArrayList<>();
        for (int start = 0; start < all.size(); start += BATCH) {
            batches.add(all.subList(start, Math.min(all.size(), start + BATCH)));
        }
        return batches;
    }
}
