package org.imrplatform.sessions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.imrplatform.participants.Participant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What other modules may know of groups' sessions: the sessions a group held in a period, the curriculum modules
 * they covered and participants' attendance. Periods are inclusive at both ends. Attendance is asked for
 * {@link Participant}s, which only {@code ParticipantRecords} hands out after checking and logging the use.
 */
@Service
public class GroupSessions {

    static final String COLUMNS = "id, group_id, held_on, minutes, module_number, topic, agenda, home_assignment,"
            + " attendee_count";

    private final JdbcClient jdbc;

    GroupSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The group's sessions held in the period, newest first. */
    public List<GroupSession> held(long groupId, LocalDate from, LocalDate to) {
        return jdbc.sql("select " + COLUMNS + " from group_session where group_id = ? and held_on between ? and ?"
                        + " order by held_on desc")
                .params(groupId, from, to).query(GroupSessions::session).list();
    }

    Optional<GroupSession> find(long groupId, long sessionId) {
        return jdbc.sql("select " + COLUMNS + " from group_session where group_id = ? and id = ?")
                .params(groupId, sessionId).query(GroupSessions::session).optional();
    }

    /** How many sessions each group held in the period, by group id; groups that held none are absent. */
    public Map<Long, Integer> heldByGroup(LocalDate from, LocalDate to) {
        Map<Long, Integer> held = new HashMap<>();
        jdbc.sql("select group_id, count(*) from group_session where held_on between ? and ? group by group_id")
                .params(from, to)
                .query((ResultSet rs) -> {
                    held.put(rs.getLong(1), rs.getInt(2));
                });
        return held;
    }

    /** How many of the group's sessions in the period worked on each module, by module number; only those used. */
    public Map<Integer, Integer> modulesCovered(long groupId, LocalDate from, LocalDate to) {
        Map<Integer, Integer> covered = new TreeMap<>();
        jdbc.sql("select module_number, count(*) from group_session where group_id = ? and held_on between ? and ?"
                        + " group by module_number")
                .params(groupId, from, to)
                .query((ResultSet rs) -> {
                    covered.put(rs.getInt(1), rs.getInt(2));
                });
        return covered;
    }

    /**
     * Each participant's attendance in the period, in whichever group the sessions were held, by participant id;
     * {@link Attendance#NONE} for those who attended none.
     */
    public Map<Long, Attendance> attendance(Collection<Participant> participants, LocalDate from, LocalDate to) {
        Map<Long, Attendance> attendance = new LinkedHashMap<>();
        participants.forEach(p -> attendance.put(p.id(), Attendance.NONE));
        if (participants.isEmpty()) {
            return attendance;
        }
        jdbc.sql("""
                        select a.participant_id, count(*) sessions, sum(s.minutes) minutes
                        from session_attendance a join group_session s on s.id = a.session_id
                        where a.participant_id in (:ids) and s.held_on between :from and :to
                        group by a.participant_id
                        """)
                .param("ids", attendance.keySet()).param("from", from).param("to", to)
                .query((ResultSet rs) -> {
                    attendance.put(rs.getLong(1), new Attendance(rs.getInt(2), rs.getInt(3)));
                });
        return attendance;
    }

    static GroupSession session(ResultSet rs, int row) throws SQLException {
        Set<AgendaPart> agenda = EnumSet.noneOf(AgendaPart.class);
        Arrays.stream(rs.getString("agenda").split(",")).filter(part -> !part.isEmpty())
                .forEach(part -> agenda.add(AgendaPart.valueOf(part)));
        return new GroupSession(rs.getLong("id"), rs.getLong("group_id"), rs.getObject("held_on", LocalDate.class),
                rs.getInt("minutes"), rs.getInt("module_number"), rs.getString("topic"), agenda,
                rs.getString("home_assignment"), rs.getInt("attendee_count"));
    }
}
