package org.imrplatform.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.imrplatform.participants.Participant;
import org.imrplatform.participants.ParticipantErased;
import org.imrplatform.participants.ParticipantStatus;
import org.imrplatform.participants.RecordPart;
import org.imrplatform.support.PlatformTest;
import org.imrplatform.support.PracticeGroups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A facilitator records the sessions of a group they lead: the group's page shows them newest first, the modules
 * covered against the whole curriculum and each participant's sessions and hours. Nobody else reaches a group's
 * sessions; bad or forged input is told on its field and stores nothing; the same form sent twice stores one session.
 */
@PlatformTest
class SessionsTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2025, 12, 31);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GroupSessions groupSessions;

    @Autowired
    AttendancePart attendancePart;

    @Autowired
    ApplicationEventPublisher events;

    private PracticeGroups groups;
    private String run;
    private String ana;
    private String ben;

    @BeforeEach
    void groups() throws Exception {
        groups = PracticeGroups.create(mvc, jdbc);
        run = UUID.randomUUID().toString().substring(0, 6);
        // Both joined on 2025-01-06: the day the group started.
        ana = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), "ANA-" + run);
        ben = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), "BEN-" + run);
    }

    /** A good session of the group on the day (module 1, 90 minutes), without its attendees. */
    private static MockHttpServletRequestBuilder session(Cookie person, long groupId, String day) {
        return session(person, groupId, day, 1, 90);
    }

    private static MockHttpServletRequestBuilder session(Cookie person, long groupId, String day, int module,
            int minutes) {
        return post("/practice/groups/" + groupId + "/sessions").with(csrf()).cookie(person)
                .param("heldOn", day).param("minutes", String.valueOf(minutes)).param("module", String.valueOf(module))
                .param("topic", "What recovery means").param("parts", "GOAL_FOLLOW_UP", "NEW_MATERIAL")
                .param("homeAssignment", "Write down one thing that helped this week");
    }

    private long sessions(long groupId) {
        return jdbc.sql("select count(*) from group_session where group_id = ?").param(groupId).query(Long.class)
                .single();
    }

    private long sessionOn(String day) {
        return jdbc.sql("select id from group_session where group_id = ? and held_on = ?")
                .params(groups.groupA(), LocalDate.parse(day)).query(Long.class).single();
    }

    private List<String> audit(String publicId) {
        return jdbc.sql("select action || ' ' || what from participant_audit where participant = ? order by id")
                .param(publicId).query(String.class).list();
    }

    /** The participant as ParticipantRecords hands it out (only its ids matter here). */
    private Participant participant(String publicId) {
        return jdbc.sql("select id, program_id, group_id, code, joined_on from participant where public_id = ?")
                .param(publicId)
                .query((rs, row) -> new Participant(rs.getLong(1), publicId, rs.getLong(2), rs.getLong(3),
                        rs.getString(4), null, rs.getObject(5, LocalDate.class), rs.getObject(5, LocalDate.class),
                        ParticipantStatus.ACTIVE, null, null))
                .single();
    }

    @Test
    void theGroupsPageShowsItsSessionsTheCurriculumCoveredAndEachParticipantsAttendance() throws Exception {
        mvc.perform(get("/practice/groups/" + groups.groupA()).cookie(groups.facilitatorA()))
                .andExpect(content().string(allOf(containsString("No session recorded yet."),
                        containsString("0 of the 11 IMR modules covered so far."),
                        containsString("11. Healthy Lifestyles"),
                        containsString("href=\"/practice/groups/" + groups.groupA() + "/participants\""))));

        mvc.perform(session(groups.facilitatorA(), groups.groupA(), "2025-01-13").param("attendees", ana, ben)
                        .param("notes[" + ana + "]", "Shared her goal"))
                .andExpect(redirectedUrl("/practice/groups/" + groups.groupA() + "?recorded"));
        mvc.perform(session(groups.facilitatorA(), groups.groupA(), "2025-01-20", 2, 60).param("attendees", ana))
                .andExpect(status().is3xxRedirection());
        mvc.perform(session(groups.facilitatorA(), groups.groupA(), "2025-01-27", 2, 90).param("attendees", ana, ben))
                .andExpect(status().is3xxRedirection());

        String page = mvc.perform(get("/practice/groups/" + groups.groupA() + "?recorded")
                        .cookie(groups.facilitatorA()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("2025-01-27")).isLessThan(page.indexOf("2025-01-20"));
        assertThat(page.indexOf("2025-01-20")).isLessThan(page.indexOf("2025-01-13"));
        assertThat(page).contains("Session recorded.", "2 of the 11 IMR modules covered so far.",
                "1. Recovery Strategies", "2. Practical Facts about Mental Illness", "What recovery means");
        // Ana: 90 + 60 + 90 minutes in three sessions; Ben: 90 + 90 in two.
        assertThat(page.replaceAll("\\s+", " ")).contains(
                ">ANA-" + run + "</a></th> <td>Taking part</td> <td>3</td> <td>4.0</td>",
                ">BEN-" + run + "</a></th> <td>Taking part</td> <td>2</td> <td>3.0</td>");

        Map<Long, Attendance> attendance = groupSessions.attendance(List.of(participant(ana), participant(ben)),
                LocalDate.of(2025, 1, 14), LAST);
        assertThat(attendance).containsValues(new Attendance(2, 150), new Attendance(1, 90));
        assertThat(groupSessions.modulesCovered(groups.groupA(), FIRST, LAST)).isEqualTo(Map.of(1, 1, 2, 2));
        assertThat(groupSessions.held(groups.groupA(), FIRST, LocalDate.of(2025, 1, 20)))
                .extracting(GroupSession::heldOn, GroupSession::attendees)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 1, 20), 1),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 1, 13), 2));
        assertThat(audit(ana)).contains("CHANGE sessions", "READ sessions");
        // The read views published for the figures that come next agree.
        assertThat(jdbc.sql("select count(*) from sessions_attendance where group_id = ?").param(groups.groupA())
                .query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select sum(attendee_count) from sessions_held where group_id = ?")
                .param(groups.groupA()).query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void theSameFormSentTwiceStoresOneSession() throws Exception {
        for (int time = 0; time < 2; time++) {
            mvc.perform(session(groups.facilitatorA(), groups.groupA(), "2025-01-13").param("attendees", ana));
        }
        mvc.perform(session(groups.facilitatorA(), groups.groupA(), "2025-01-13").param("attendees", ana))
                .andExpect(content().string(containsString("This group already has a session on 2025-01-13. Open"
                        + " that session from the group&#39;s page to correct it.")));
        assertThat(sessions(groups.groupA())).isEqualTo(1);
    }

    @Test
    void aCorrectionReplacesTheSessionAndTheParticipantsItTouchesHaveItInTheirAudit() throws Exception {
        mvc.perform(session(groups.facilitatorA(), groups.groupA(), "2025-01-13").param("attendees", ana, ben)
                .param("notes[" + ana + "]", "Shared her goal"));
        long id = sessionOn("2025-01-13");
        String address = "/practice/groups/" + groups.groupA() + "/sessions/" + id;
        mvc.perform(get(address).cookie(groups.facilitatorA()))
                .andExpect(content().string(allOf(containsString("Correct a session of"),
                        containsString("Shared her goal"), containsString("value=\"2025-01-13\""))));
        int benBefore = audit(ben).size();

        mvc.perform(post(address).with(csrf()).cookie(groups.facilitatorA()).param("heldOn", "2025-01-14")
                        .param("minutes", "75").param("module", "3").param("topic", "What causes symptoms")
                        .param("attendees", ana).param("notes[" + ana + "]", "Shared her goal and a first step"))
                .andExpect(redirectedUrl("/practice/groups/" + groups.groupA() + "?corrected"));

        assertThat(sessions(groups.groupA())).isEqualTo(1);
        GroupSession corrected = groupSessions.held(groups.groupA(), FIRST, LAST).getFirst();
        assertThat(corrected).extracting(GroupSession::heldOn, GroupSession::minutes, GroupSession::module,
                        GroupSession::attendees, GroupSession::homeAssignment)
                .containsExactly(LocalDate.of(2025, 1, 14), 75, 3, 1, null);
        assertThat(corrected.agenda()).isEmpty();
        assertThat(audit(ben).subList(benBefore, audit(ben).size())).contains("CHANGE sessions");
        assertThat(attendancePart.entries(participant(ana))).extracting(RecordPart.Entry::text)
                .containsExactly("IMR 3 · What causes symptoms · 75 min", "Shared her goal and a first step");
        assertThat(attendancePart.entries(participant(ben))).isEmpty();

        // Another session of the group already holds 2025-01-20: a correction may not move onto it.
        mvc.perform(session(groups.facilitatorA(), groups.groupA(), "2025-01-20").param("attendees", ben));
        mvc.perform(post(address).with(csrf()).cookie(groups.facilitatorA()).param("heldOn", "2025-01-20")
                        .param("minutes", "75").param("module", "3").param("topic", "X").param("attendees", ana))
                .andExpect(content().string(containsString("This group already has a session on 2025-01-20.")));
        assertThat(groupSessions.held(groups.groupA(), FIRST, LAST)).extracting(GroupSession::heldOn)
                .containsExactly(LocalDate.of(2025, 1, 20), LocalDate.of(2025, 1, 14));
    }

    @Test
    void anotherFacilitatorReachesNothingOfTheGroupsSessions() throws Exception {
        mvc.perform(session(groups.facilitatorA(), groups.groupA(), "2025-01-13").param("attendees", ana));
        long id = sessionOn("2025-01-13");
        int anaBefore = audit(ana).size();
        Cookie other = groups.facilitatorB();
        mvc.perform(get("/practice/groups/" + groups.groupA()).cookie(other)).andExpect(status().isNotFound());
        mvc.perform(get("/practice/groups/" + groups.groupA() + "/sessions/new").cookie(other))
                .andExpect(status().isNotFound());
        mvc.perform(get("/practice/groups/" + groups.groupA() + "/sessions/" + id).cookie(other))
                .andExpect(status().isNotFound());
        // By the group they lead, with the other group's session id.
        mvc.perform(get("/practice/groups/" + groups.groupB() + "/sessions/" + id).cookie(other))
                .andExpect(status().isNotFound());
        mvc.perform(post("/practice/groups/" + groups.groupB() + "/sessions/" + id).with(csrf()).cookie(other)
                .param("heldOn", "2025-01-14").param("minutes", "60").param("module", "1").param("topic", "X"))
                .andExpect(status().isNotFound());
        mvc.perform(session(other, groups.groupA(), "2025-01-20").param("attendees", ana))
                .andExpect(status().isNotFound());
        assertThat(sessions(groups.groupA())).isEqualTo(1);
        assertThat(groupSessions.held(groups.groupA(), FIRST, LAST).getFirst().heldOn())
                .isEqualTo(LocalDate.of(2025, 1, 13));
        assertThat(audit(ana)).hasSize(anaBefore);

        mvc.perform(get("/practice/groups/" + groups.groupA()).cookie(groups.administrator()))
                .andExpect(status().isOk());
    }

    @Test
    void attendanceOfSomeoneNotInTheGroupIsRefused() throws Exception {
        String elsewhere = PracticeGroups.addParticipant(mvc, groups.facilitatorB(), groups.groupB(), "B-" + run);
        String otherProgram = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.otherProgramGroup(),
                "O-" + run);
        for (String forged : List.of(elsewhere, otherProgram, "AAAAAAAAAAAAAAAAAAAAAA", "nobody")) {
            mvc.perform(session(groups.facilitatorA(), groups.groupA(), "2025-01-13").param("attendees", ana, forged))
                    .andExpect(content().string(containsString("one of those sent is not a participant of this"
                            + " group")));
            mvc.perform(session(groups.facilitatorA(), groups.groupA(), "2025-01-13").param("attendees", ana)
                            .param("notes[" + forged + "]", "Note"))
                    .andExpect(content().string(containsString("not a participant of this group")));
        }
        assertThat(sessions(groups.groupA())).isZero();
        assertThat(audit(elsewhere)).noneMatch(line -> line.endsWith("sessions"));
    }

    @Test
    void badInputIsToldOnItsFieldAndNothingIsStored() throws Exception {
        String future = LocalDate.now().plusDays(2).toString();
        mvc.perform(session(groups.facilitatorA(), groups.groupA(), future).param("attendees", ana))
                .andExpect(content().string(containsString("Enter a day that is today or earlier")));
        mvc.perform(session(groups.facilitatorA(), groups.groupA(), "2025-01-05").param("attendees", ana))
                .andExpect(content().string(containsString("Enter a day on or after 2025-01-06: the group started"
                        + " on the day its first participant joined.")));
        mvc.perform(post("/practice/groups/" + groups.groupA() + "/sessions").with(csrf())
                        .cookie(groups.facilitatorA()).param("heldOn", "2025-01-13").param("minutes", "10")
                        .param("module", "12").param("topic", "x".repeat(201)).param("parts", "NOPE")
                        .param("homeAssignment", "y".repeat(1001)).param("attendees", ana)
                        .param("notes[" + ana + "]", "z".repeat(501)).param("notes[" + ben + "]", "Was quiet"))
                .andExpect(content().string(allOf(containsString("Enter a length from 15 to 240 minutes."),
                        containsString("Choose one of the IMR modules offered in the list."),
                        containsString("Keep the topic to 200 characters or fewer."),
                        containsString("This is not one of the choices."),
                        containsString("Keep the home assignment to 1000 characters or fewer."),
                        containsString("Keep the note about ANA-" + run + " to 500 characters or fewer."),
                        containsString("Tick BEN-" + run + " as present, or clear the note about them."),
                        containsString("href=\"#minutes\""))));
        mvc.perform(post("/practice/groups/" + groups.groupA() + "/sessions").with(csrf())
                        .cookie(groups.facilitatorA()).param("heldOn", "2025-13-40").param("minutes", "abc")
                        .param("module", "one").param("topic", "a\u0000b").param("notes[" + ana + "]", "x\u0001"))
                .andExpect(content().string(allOf(containsString("Enter the date as year-month-day"),
                        containsString("Enter the length as a whole number of minutes, for example 90."),
                        containsString("Choose one of the IMR modules offered in the list."),
                        containsString("control character"))));
        mvc.perform(post("/practice/groups/" + groups.groupA() + "/sessions").with(csrf())
                        .cookie(groups.facilitatorA()).param("heldOn", "2025-01-13").param("minutes", "241")
                        .param("module", "1").param("topic", " "))
                .andExpect(content().string(allOf(containsString("Enter a length from 15 to 240 minutes."),
                        containsString("Enter the topic of the session."),
                        containsString("Tick at least one participant who attended."))));
        assertThat(sessions(groups.groupA())).isZero();
    }

    @Test
    void someoneWhoLeftOrHadNotJoinedIsNotCountedPresent() throws Exception {
        mvc.perform(post("/practice/participants/" + ben + "/ending").with(csrf()).cookie(groups.facilitatorA())
                .param("status", "LEFT").param("endedOn", "2025-01-15")).andExpect(status().is3xxRedirection());
        mvc.perform(session(groups.facilitatorA(), groups.groupA(), "2025-01-20").param("attendees", ana, ben))
                .andExpect(content().string(containsString("BEN-" + run + " was not taking part on 2025-01-20.")));
        assertThat(sessions(groups.groupA())).isZero();
        mvc.perform(session(groups.facilitatorA(), groups.groupA(), "2025-01-13").param("attendees", ana, ben))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aGroupWithoutParticipantsCannotRecordASession() throws Exception {
        mvc.perform(get("/practice/groups/" + groups.groupB() + "/sessions/new").cookie(groups.facilitatorB()))
                .andExpect(content().string(containsString("This group has no participants yet.")));
        mvc.perform(session(groups.facilitatorB(), groups.groupB(), "2025-01-13"))
                .andExpect(content().string(containsString("This group has no participants yet.")));
        assertThat(sessions(groups.groupB())).isZero();
    }

    @Test
    void erasingAParticipantDeletesTheirAttendanceAndNotesButTheSessionsKeepTheirCount() throws Exception {
        mvc.perform(session(groups.facilitatorA(), groups.groupA(), "2025-01-13").param("attendees", ana, ben)
                .param("notes[" + ana + "]", "Shared her goal"));
        Participant erased = participant(ana);
        assertThat(attendancePart.entries(erased)).extracting(RecordPart.Entry::labelKey)
                .containsExactly("sessions.record.attended", "sessions.record.note");

        events.publishEvent(new ParticipantErased(erased.id(), groups.groupA()));

        assertThat(attendancePart.entries(erased)).isEmpty();
        assertThat(groupSessions.held(groups.groupA(), FIRST, LAST).getFirst().attendees()).isEqualTo(2);
        // A correction afterwards still counts the erased attendee.
        mvc.perform(post("/practice/groups/" + groups.groupA() + "/sessions/" + sessionOn("2025-01-13"))
                        .with(csrf()).cookie(groups.facilitatorA()).param("heldOn", "2025-01-13")
                        .param("minutes", "90").param("module", "1").param("topic", "What recovery means")
                        .param("attendees", ben))
                .andExpect(status().is3xxRedirection());
        assertThat(groupSessions.held(groups.groupA(), FIRST, LAST).getFirst().attendees()).isEqualTo(2);
    }
}
