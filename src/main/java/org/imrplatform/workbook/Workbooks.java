package org.imrplatform.workbook;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.goals.RecoveryGoals;
import org.imrplatform.participants.Participant;
import org.imrplatform.participants.ParticipantRecords;
import org.imrplatform.participants.ParticipantRecords.Use;
import org.imrplatform.relapse.RelapsePlans;
import org.imrplatform.sessions.Curriculum;
import org.imrplatform.sessions.GroupSession;
import org.imrplatform.sessions.GroupSessions;
import org.imrplatform.shared.ReasonableDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers a participant's workbook from the modules that keep its parts. The participant is opened through
 * {@link ParticipantRecords} (404 for anyone who may not work with them) in the transaction that reads the parts,
 * so the audit entry goes with the read.
 */
@Service
class Workbooks {

    private final ParticipantRecords records;
    private final RecoveryGoals goals;
    private final RelapsePlans plans;
    private final GroupSessions sessions;
    private final Curriculum curriculum;
    private final Clock clock;

    Workbooks(ParticipantRecords records, RecoveryGoals goals, RelapsePlans plans, GroupSessions sessions,
            Curriculum curriculum, Clock clock) {
        this.records = records;
        this.goals = goals;
        this.plans = plans;
        this.sessions = sessions;
        this.curriculum = curriculum;
        this.clock = clock;
    }

    /** The participant's workbook as of today, module titles in the language it is printed in. */
    @Transactional
    Workbook of(SignedInAccount me, String publicId, Locale language) {
        Participant participant = records.open(me, publicId, Use.READ, "workbook");
        LocalDate today = LocalDate.now(clock);
        return new Workbook(participant.code(), today, homeAssignment(participant.groupId(), today, language),
                goals.sheet(participant), plans.current(participant).orElse(null));
    }

    /** From the group's latest session on or before the day; null when the group has held none. */
    private Workbook.HomeAssignment homeAssignment(long groupId, LocalDate day, Locale language) {
        return sessions.held(groupId, ReasonableDate.EARLIEST, day).stream().findFirst()
                .map(session -> new Workbook.HomeAssignment(session.heldOn(), session.module(),
                        curriculum.title(session.module(), language), given(session)))
                .orElse(null);
    }

    private static String given(GroupSession session) {
        String text = session.homeAssignment();
        return text == null || text.isBlank() ? null : text.strip();
    }
}
