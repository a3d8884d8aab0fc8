package org.imrplatform.participants;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.practice.Programs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one place that loads participants' records: every load checks that the person may work with the participant
 * and writes who read or changed what to the audit log, in the caller's transaction. The Practice modules that keep
 * parts of a record (sessions, goals, plans, ratings) open it here first.
 *
 * <p>Who may: an administrator, and a facilitator of the participant's current group. Anyone else gets 404, exactly
 * like a record that does not exist, so its existence never shows.
 */
@Service
public class ParticipantRecords {

    /** What a use of a record is logged as. */
    public enum Use {
        READ, CHANGE
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** 16 random bytes, base64url without padding: what a public id looks like, and nothing else is looked up. */
    private static final Pattern PUBLIC_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final String COLUMNS = "id, public_id, program_id, group_id, code, initials, consent_on, joined_on,"
            + " status, ended_on, end_reason";

    private final JdbcClient jdbc;
    private final Programs programs;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate savepoint;

    ParticipantRecords(JdbcClient jdbc, Programs programs, Clock clock, ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.clock = clock;
        this.events = events;
        this.savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    static boolean administers(SignedInAccount person) {
        return person.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMINISTRATOR"));
    }

    /** Whether the person may see and change the participants of the group. */
    public boolean mayWorkWith(SignedInAccount person, long groupId) {
        return administers(person) || programs.facilitates(person.accountId(), groupId);
    }

    /** The group's id when the person may work with its participants; 404 otherwise. */
    public long requireGroup(SignedInAccount person, long groupId) {
        if (programs.group(groupId).isEmpty() || !mayWorkWith(person, groupId)) {
            throw notFound();
        }
        return groupId;
    }

    /**
     * The participant named by the public id, when the person may work with them; the use is logged with what was
     * read or changed ("record", "goals", "plan", ...). 404 for anything else.
     */
    @Transactional
    public Participant open(SignedInAccount person, String publicId, Use use, String what) {
        Participant participant = find(publicId).filter(p -> mayWorkWith(person, p.groupId()))
                .orElseThrow(ParticipantRecords::notFound);
        audit(person, participant.publicId(), participant.groupId(), use, what);
        return participant;
    }

    /** The group's participants, everyone shown logged as read. 404 when the person may not work with the group. */
    @Transactional
    public List<Participant> inGroup(SignedInAccount person, long groupId, String what) {
        requireGroup(person, groupId);
        List<Participant> participants = jdbc.sql("select " + COLUMNS + " from participant where group_id = ?"
                        + " order by status, lower(code)")
                .param(groupId).query(ParticipantRecords::participant).list();
        participants.forEach(p -> audit(person, p.publicId(), groupId, Use.READ, what));
        return participants;
    }

    /**
     * The group's participants, for figures about the group only (counts and shares on the whole-picture pages and
     * the center's outcomes): nothing of a record is shown from these, so no read is logged. A page that shows a
     * record opens it with {@link #open}.
     */
    public List<Participant> forFigures(long groupId) {
        return jdbc.sql("select " + COLUMNS + " from participant where group_id = ?").param(groupId)
                .query(ParticipantRecords::participant).list();
    }

    /** Every participant of every group, for the center's figures only (as {@link #forFigures(long)}). */
    public List<Participant> forFigures() {
        return jdbc.sql("select " + COLUMNS + " from participant").query(ParticipantRecords::participant).list();
    }

    /** Adds a participant to the group; false, adding nothing, when the program already uses the code. */
    @Transactional
    Optional<Participant> add(SignedInAccount person, long groupId, ParticipantForm form) {
        long programId = programs.group(requireGroup(person, groupId)).orElseThrow().programId();
        String code = form.code().strip();
        String codeKey = code.toLowerCase(Locale.ROOT);
        if (jdbc.sql("select count(*) from participant where program_id = ? and code_key = ?")
                .params(programId, codeKey).query(Long.class).single() > 0) {
            return Optional.empty();
        }
        String publicId = newPublicId();
        try {
            // A savepoint, so that a code added by someone else at the same moment fails only this insert.
            savepoint.executeWithoutResult(status -> jdbc.sql("""
                            insert into participant (public_id, program_id, group_id, code, code_key, initials,
                                                     consent_on, joined_on, status, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)
                            """)
                    .params(publicId, programId, groupId, code, codeKey, blankToNull(form.initials()),
                            form.consentOn(), form.joinedOn(), now())
                    .update());
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        audit(person, publicId, groupId, Use.CHANGE, "added");
        return find(publicId);
    }

    /** Marks the participant finished or left, with the day and why. */
    @Transactional
    void end(SignedInAccount person, String publicId, ParticipantStatus status, LocalDate on, String reason) {
        Participant participant = open(person, publicId, Use.CHANGE, "status");
        jdbc.sql("update participant set status = ?, ended_on = ?, end_reason = ? where id = ?")
                .params(status.name(), status == ParticipantStatus.ACTIVE ? null : on, blankToNull(reason),
                        participant.id())
                .update();
    }

    /**
     * Moves the participant to another group of the same program that the person may also work with; false when
     * the group is not one of those.
     */
    @Transactional
    boolean move(SignedInAccount person, String publicId, long toGroupId, LocalDate on) {
        Participant participant = open(person, publicId, Use.CHANGE, "group");
        boolean allowed = programs.group(toGroupId)
                .filter(group -> group.programId() == participant.programId() && group.id() != participant.groupId())
                .filter(group -> mayWorkWith(person, group.id())).isPresent();
        if (!allowed) {
            return false;
        }
        jdbc.sql("update participant set group_id = ? where id = ?").params(toGroupId, participant.id()).update();
        jdbc.sql("insert into participant_move (participant_id, from_group_id, to_group_id, moved_on, moved_by)"
                        + " values (?, ?, ?, ?, ?)")
                .params(participant.id(), participant.groupId(), toGroupId, on, person.accountId()).update();
        audit(person, publicId, toGroupId, Use.CHANGE, "group");
        return true;
    }

    /**
     * Erases the participant's record at their request, once the person typed the participant's code to confirm:
     * every module deletes its rows in this transaction (ParticipantErased), the participant goes, and only that
     * a person of the group was erased that day stays. False, erasing nothing, when the code does not match.
     */
    @Transactional
    boolean erase(SignedInAccount person, String publicId, String confirmation) {
        Participant participant = open(person, publicId, Use.CHANGE, "erased");
        if (confirmation == null || !confirmation.strip().equalsIgnoreCase(participant.code())) {
            return false;
        }
        events.publishEvent(new ParticipantErased(participant.id(), participant.groupId()));
        jdbc.sql("insert into participant_erasure (program_id, group_id, erased_on) values (?, ?, ?)")
                .params(participant.programId(), participant.groupId(), LocalDate.now(clock)).update();
        jdbc.sql("delete from participant where id = ?").param(participant.id()).update();
        return true;
    }

    private Optional<Participant> find(String publicId) {
        if (publicId == null || !PUBLIC_ID.matcher(publicId).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from participant where public_id = ?").param(publicId)
                .query(ParticipantRecords::participant).optional();
    }

    private void audit(SignedInAccount person, String publicId, long groupId, Use use, String what) {
        jdbc.sql("insert into participant_audit (at, account_id, participant, group_id, action, what)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(now(), person.accountId(), publicId, groupId, use.name(), what).update();
    }

    private static Participant participant(ResultSet rs, int row) throws SQLException {
        return new Participant(rs.getLong("id"), rs.getString("public_id"), rs.getLong("program_id"),
                rs.getLong("group_id"), rs.getString("code"), rs.getString("initials"),
                rs.getObject("consent_on", LocalDate.class), rs.getObject("joined_on", LocalDate.class),
                ParticipantStatus.valueOf(rs.getString("status")), rs.getObject("ended_on", LocalDate.class),
                rs.getString("end_reason"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String newPublicId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
