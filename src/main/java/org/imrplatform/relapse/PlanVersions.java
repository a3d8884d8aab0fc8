package org.imrplatform.relapse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored versions of participants' plans, by the participant's internal id. Callers have opened the participant
 * through ParticipantRecords (or ask only for dates and counts). Each list is stored one item per line.
 */
@Repository
class PlanVersions {

    private static final String COLUMNS = "version, triggers, warning_signs, coping_strategies, actions, supporters,"
            + " review_on, saved_on, saved_at, saved_by";

    private final JdbcClient jdbc;

    PlanVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every version, the newest first. */
    List<PlanVersion> all(long participantId) {
        return jdbc.sql("select " + COLUMNS + " from relapse_plan_version where participant_id = ?"
                        + " order by version desc")
                .param(participantId).query(PlanVersions::version).list();
    }

    Optional<PlanVersion> current(long participantId) {
        return jdbc.sql("select " + COLUMNS + " from relapse_plan_version where participant_id = ?"
                        + " order by version desc fetch first 1 rows only")
                .param(participantId).query(PlanVersions::version).optional();
    }

    Optional<PlanVersion> find(long participantId, int number) {
        return jdbc.sql("select " + COLUMNS + " from relapse_plan_version where participant_id = ? and version = ?")
                .params(participantId, number).query(PlanVersions::version).optional();
    }

    /** Adds the version; a second save of the same number (two saves at once) fails on the primary key. */
    void add(long participantId, int number, RelapsePlan plan, long accountId, OffsetDateTime at, LocalDate on) {
        jdbc.sql("""
                        insert into relapse_plan_version (participant_id, version, triggers, warning_signs,
                            coping_strategies, actions, supporters, review_on, saved_on, saved_at, saved_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(participantId, number, lines(plan.triggers()), lines(plan.warningSigns()),
                        lines(plan.copingStrategies()), lines(plan.actions()), lines(plan.supporters()),
                        plan.reviewOn(), on, at, accountId)
                .update();
    }

    /** Dates and count of the participant's plan; empty when they have none. */
    Optional<PlanDates> dates(long participantId) {
        return jdbc.sql("""
                        select min(saved_on) first_on, max(saved_on) last_on, count(*) versions,
                               (select review_on from relapse_plan_version c where c.participant_id = ?
                                order by c.version desc fetch first 1 rows only) review_on
                        from relapse_plan_version where participant_id = ?
                        """)
                .params(participantId, participantId)
                .query((rs, row) -> rs.getInt("versions") == 0 ? null
                        : new PlanDates(rs.getObject("first_on", LocalDate.class),
                                rs.getObject("last_on", LocalDate.class), rs.getObject("review_on", LocalDate.class),
                                rs.getInt("versions")))
                .optional();
    }

    /** Of the given participants, those with a version saved on or before the day. */
    List<Long> withPlanOn(List<Long> participantIds, LocalDate day) {
        if (participantIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct participant_id from relapse_plan_version"
                        + " where participant_id in (:ids) and saved_on <= :day")
                .param("ids", participantIds).param("day", day).query(Long.class).list();
    }

    int deleteAll(long participantId) {
        return jdbc.sql("delete from relapse_plan_version where participant_id = ?").param(participantId).update();
    }

    private static String lines(List<String> items) {
        return String.join("\n", items);
    }

    private static List<String> items(String lines) {
        return lines.isEmpty() ? List.of() : Arrays.asList(lines.split("\n"));
    }

    private static PlanVersion version(ResultSet rs, int row) throws SQLException {
        RelapsePlan plan = new RelapsePlan(items(rs.getString("triggers")), items(rs.getString("warning_signs")),
                items(rs.getString("coping_strategies")), items(rs.getString("actions")),
                items(rs.getString("supporters")), rs.getObject("review_on", LocalDate.class));
        return new PlanVersion(rs.getInt("version"), rs.getObject("saved_on", LocalDate.class),
                rs.getObject("saved_at", OffsetDateTime.class).toInstant(), rs.getLong("saved_by"), plan);
    }
}
