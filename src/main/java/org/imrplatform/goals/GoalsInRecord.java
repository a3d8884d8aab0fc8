package org.imrplatform.goals;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.imrplatform.participants.Participant;
import org.imrplatform.participants.ParticipantErased;
import org.imrplatform.participants.RecordPart;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The goals in a participant's whole record: every goal, short-term goal, step and follow-up for the export they
 * ask for, and all of them deleted when the record is erased (nothing of them is kept, not even counts). The caller
 * has opened the participant's record already, so nothing is logged here.
 */
@Component
class GoalsInRecord implements RecordPart {

    private final JdbcClient jdbc;

    GoalsInRecord(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String headingKey() {
        return "goals.record.heading";
    }

    @Override
    public List<Entry> entries(Participant participant) {
        long id = participant.id();
        List<Entry> goals = jdbc.sql("select set_on, goal_text, life_area, ending, ended_on from recovery_goal"
                        + " where participant_id = ?")
                .param(id).query((rs, row) -> {
                    String area = rs.getString("life_area");
                    String ending = rs.getString("ending");
                    Entry set = new Entry("goals.record.goal." + area, rs.getObject("set_on", LocalDate.class),
                            rs.getString("goal_text"));
                    return ending == null ? List.of(set) : List.of(set, new Entry("goals.record.ending." + ending,
                            rs.getObject("ended_on", LocalDate.class), rs.getString("goal_text")));
                }).list().stream().flatMap(List::stream).toList();
        List<Entry> shortTermGoals = jdbc.sql("""
                        select t.target_on, t.goal_text from short_term_goal t join recovery_goal g on g.id = t.goal_id
                        where g.participant_id = ?
                        """)
                .param(id).query((rs, row) -> new Entry("goals.record.shortTerm", rs.getObject(1, LocalDate.class),
                        rs.getString(2))).list();
        List<Entry> steps = jdbc.sql("""
                        select s.completed_on, s.created_at, s.step_text from goal_step s
                        join short_term_goal t on t.id = s.short_term_goal_id
                        join recovery_goal g on g.id = t.goal_id where g.participant_id = ?
                        """)
                .param(id).query((rs, row) -> {
                    LocalDate done = rs.getObject(1, LocalDate.class);
                    return done != null ? new Entry("goals.record.stepDone", done, rs.getString(3))
                            : new Entry("goals.record.step", rs.getDate(2).toLocalDate(), rs.getString(3));
                }).list();
        List<Entry> followUps = jdbc.sql("""
                        select f.followed_on, f.progress, s.step_text, f.note from goal_follow_up f
                        join goal_step s on s.id = f.step_id
                        join short_term_goal t on t.id = s.short_term_goal_id
                        join recovery_goal g on g.id = t.goal_id where g.participant_id = ?
                        """)
                .param(id).query((rs, row) -> new Entry("goals.record.followUp." + rs.getString(2),
                        rs.getObject(1, LocalDate.class),
                        rs.getString(4) == null ? rs.getString(3) : rs.getString(3) + " — " + rs.getString(4)))
                .list();
        return Stream.of(goals, shortTermGoals, steps, followUps).flatMap(List::stream)
                .sorted(Comparator.comparing(Entry::on)).toList();
    }

    /** Deletes the participant's goals, inside the erasing transaction. */
    @EventListener
    void erase(ParticipantErased erased) {
        long id = erased.participantId();
        jdbc.sql("""
                delete from goal_follow_up where step_id in (select s.id from goal_step s
                    join short_term_goal t on t.id = s.short_term_goal_id
                    join recovery_goal g on g.id = t.goal_id where g.participant_id = ?)
                """).param(id).update();
        jdbc.sql("""
                delete from goal_step where short_term_goal_id in (select t.id from short_term_goal t
                    join recovery_goal g on g.id = t.goal_id where g.participant_id = ?)
                """).param(id).update();
        jdbc.sql("delete from short_term_goal where goal_id in (select id from recovery_goal where participant_id = ?)")
                .param(id).update();
        jdbc.sql("delete from recovery_goal where participant_id = ?").param(id).update();
    }
}
