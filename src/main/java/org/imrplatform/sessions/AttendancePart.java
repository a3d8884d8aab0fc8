package org.imrplatform.sessions;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.imrplatform.participants.Participant;
import org.imrplatform.participants.ParticipantErased;
import org.imrplatform.participants.RecordPart;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sessions part of a participant's record: the sessions they attended and the facilitators' notes about them,
 * for the export; erased with the record. The sessions themselves stay, with their number of attendees.
 */
@Component
class AttendancePart implements RecordPart {

    private final JdbcClient jdbc;

    AttendancePart(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String headingKey() {
        return "sessions.record.heading";
    }

    @Override
    public List<Entry> entries(Participant participant) {
        List<Entry> entries = new ArrayList<>();
        jdbc.sql("""
                        select s.held_on, s.module_number, s.topic, s.minutes, a.note
                        from session_attendance a join group_session s on s.id = a.session_id
                        where a.participant_id = ? order by s.held_on, s.id
                        """)
                .param(participant.id())
                .query((ResultSet rs) -> {
                    LocalDate on = rs.getObject("held_on", LocalDate.class);
                    // Language-neutral: the module's number, the topic as typed, the length in minutes.
                    entries.add(new Entry("sessions.record.attended", on, "IMR " + rs.getInt("module_number")
                            + " · " + rs.getString("topic") + " · " + rs.getInt("minutes") + " min"));
                    if (rs.getString("note") != null) {
                        entries.add(new Entry("sessions.record.note", on, rs.getString("note")));
                    }
                });
        return entries;
    }

    /** Deletes the participant's attendance and the notes about them; the sessions keep their attendee counts. */
    @EventListener
    void erase(ParticipantErased erased) {
        jdbc.sql("delete from session_attendance where participant_id = ?").param(erased.participantId()).update();
    }
}
