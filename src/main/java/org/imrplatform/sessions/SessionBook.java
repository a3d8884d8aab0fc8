package org.imrplatform.sessions;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.participants.Participant;
import org.imrplatform.participants.ParticipantRecords;
import org.imrplatform.shared.ReasonableDate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.web.server.ResponseStatusException;

/**
 * Records and corrects a group's sessions, and gathers what the group's page shows. Each method opens the group's
 * participants through {@link ParticipantRecords} in its own transaction, so every read and change of someone's
 * attendance is in their audit log with it.
 */
@Service
class SessionBook {

    static final String AUDIT = "sessions";

    /** What the group's page shows. */
    record GroupPage(List<GroupSession> sessions, Map<Integer, Integer> covered, List<Participant> participants,
            Map<Long, Attendance> attendance) {
    }

    /** The session form, the participants to tick, and the session's id once saved (empty while not). */
    record Sheet(SessionForm form, List<Participant> roster, Optional<Long> saved) {
    }

    private final JdbcClient jdbc;
    private final ParticipantRecords records;
    private final GroupSessions sessions;
    private final Curriculum curriculum;
    private final Clock clock;

    SessionBook(JdbcClient jdbc, ParticipantRecords records, GroupSessions sessions, Curriculum curriculum,
            Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.sessions = sessions;
        this.curriculum = curriculum;
        this.clock = clock;
    }

    @Transactional
    GroupPage page(SignedInAccount me, long groupId) {
        List<Participant> participants = records.inGroup(me, groupId, AUDIT);
        return new GroupPage(sessions.held(groupId, ReasonableDate.EARLIEST, ReasonableDate.LATEST),
                sessions.modulesCovered(groupId, ReasonableDate.EARLIEST, ReasonableDate.LATEST), participants,
                sessions.attendance(participants, ReasonableDate.EARLIEST, ReasonableDate.LATEST));
    }

    /** The group's participants, for a new session's form. */
    @Transactional
    List<Participant> roster(SignedInAccount me, long groupId) {
        return records.inGroup(me, groupId, AUDIT);
    }

    /** A recorded session as its form, with the participants to tick. 404 when it is not the group's. */
    @Transactional
    Sheet open(SignedInAccount me, long groupId, long sessionId) {
        records.requireGroup(me, groupId);
        GroupSession session = sessions.find(groupId, sessionId).orElseThrow(SessionBook::notFound);
        List<Participant> roster = records.inGroup(me, groupId, AUDIT);
        Map<Long, String> notes = attended(sessionId);
        Map<String, String> attended = new LinkedHashMap<>();
        roster.stream().filter(p -> notes.containsKey(p.id()))
                .forEach(p -> attended.put(p.publicId(), notes.get(p.id())));
        return new Sheet(SessionForm.of(session, attended), roster, Optional.of(sessionId));
    }

    /**
     * Records a new session ({@code sessionId} null) or replaces a recorded one, when the form has no problem;
     * otherwise stores nothing and adds the problems to {@code errors}. Only the attendance of the group's present
     * participants is replaced: attendance of someone who has since moved to another group stays as it was.
     */
    @Transactional
    Sheet save(SignedInAccount me, long groupId, Long sessionId, SessionForm form, Errors errors) {
        records.requireGroup(me, groupId);
        GroupSession before = sessionId == null ? null
                : sessions.find(groupId, sessionId).orElseThrow(SessionBook::notFound);
        List<Participant> roster = records.inGroup(me, groupId, AUDIT);
        form.check(roster, curriculum, LocalDate.now(clock), errors);
        if (form.getHeldOn() != null && !errors.hasFieldErrors("heldOn")
                && dayTaken(groupId, sessionId, form.getHeldOn())) {
            errors.rejectValue("heldOn", "sessions.heldOn.taken", new Object[] {form.getHeldOn().toString()}, null);
        }
        if (errors.hasErrors()) {
            return new Sheet(form, roster, Optional.empty());
        }
        Map<Long, String> was = sessionId == null ? Map.of() : attended(sessionId);
        Map<Long, String> now = new HashMap<>();
        roster.stream().filter(p -> form.getAttendees().contains(p.publicId()))
                .forEach(p -> now.put(p.id(), form.noteAbout(p.publicId())));
        // Each participant whose attendance or note changes has the change in their own audit log.
        List<Participant> changed = roster.stream()
                .filter(p -> was.containsKey(p.id()) != now.containsKey(p.id())
                        || !Objects.equals(was.get(p.id()), now.get(p.id())))
                .toList();
        changed.forEach(p -> records.open(me, p.publicId(), ParticipantRecords.Use.CHANGE, AUDIT));
        long rostered = roster.stream().filter(p -> was.containsKey(p.id())).count();
        // Attendees erased since, or moved to another group, stay counted.
        int attendees = (int) ((before == null ? 0 : before.attendees()) - rostered + now.size());
        long id = sessionId == null ? insert(me, groupId, form, attendees) : update(me, sessionId, form, attendees);
        List<Long> rosterIds = roster.stream().map(Participant::id).toList();
        jdbc.sql("delete from session_attendance where session_id = :session and participant_id in (:ids)")
                .param("session", id).param("ids", rosterIds).update();
        now.forEach((participantId, note) -> jdbc.sql("insert into session_attendance (session_id, participant_id,"
                + " note) values (?, ?, ?)").params(id, participantId, note).update());
        return new Sheet(form, roster, Optional.of(id));
    }

    private boolean dayTaken(long groupId, Long sessionId, LocalDate day) {
        return jdbc.sql("select count(*) from group_session where group_id = ? and held_on = ? and id <> ?")
                .params(groupId, day, sessionId == null ? -1L : sessionId).query(Long.class).single() > 0;
    }

    /** Who attended the session (by participant id), with the note about each or null. */
    private Map<Long, String> attended(long sessionId) {
        Map<Long, String> attended = new HashMap<>();
        jdbc.sql("select participant_id, note from session_attendance where session_id = ?").param(sessionId)
                .query((ResultSet rs) -> {
                    attended.put(rs.getLong(1), rs.getString(2));
                });
        return attended;
    }

    private long insert(SignedInAccount me, long groupId, SessionForm form, int attendees) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into group_session (group_id, held_on, minutes, module_number, topic, agenda,
                                                   home_assignment, attendee_count, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(groupId, form.getHeldOn(), form.getMinutes(), form.getModule(), form.getTopic().strip(),
                        agenda(form), blankToNull(form.getHomeAssignment()), attendees, me.accountId(), now())
                .update(key, "id");
        return key.getKey().longValue();
    }

    private long update(SignedInAccount me, long sessionId, SessionForm form, int attendees) {
        jdbc.sql("""
                        update group_session set held_on = ?, minutes = ?, module_number = ?, topic = ?, agenda = ?,
                               home_assignment = ?, attendee_count = ?, changed_by = ?, changed_at = ?
                        where id = ?
                        """)
                .params(form.getHeldOn(), form.getMinutes(), form.getModule(), form.getTopic().strip(), agenda(form),
                        blankToNull(form.getHomeAssignment()), attendees, me.accountId(), now(), sessionId)
                .update();
        return sessionId;
    }

    private static String agenda(SessionForm form) {
        return form.getParts() == null ? ""
                : form.getParts().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
