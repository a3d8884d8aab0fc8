package org.imrplatform.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.imrplatform.support.PrintedPdf;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A facilitator keeps a participant's goal tracking sheet: the recovery goal in the participant's words, short-term
 * goals, steps and the follow-up of each step, newest first, printed for the participant in English or Spanish.
 * Nobody else reaches it, ids of another participant's steps are not offered, bad input changes nothing, and a form
 * sent twice is recorded once.
 */
@PlatformTest
class GoalsTest {

    private static final String JOINED = "2025-01-06";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RecoveryGoals recoveryGoals;

    @Autowired
    List<RecordPart> recordParts;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private PracticeGroups groups;
    private String code;
    private String id;

    @BeforeEach
    void participant() throws Exception {
        groups = PracticeGroups.create(mvc, jdbc);
        code = "G-" + UUID.randomUUID().toString().substring(0, 6);
        id = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), code);
    }

    private ResultActions send(Cookie person, String publicId, String path, String... params) throws Exception {
        var request = post("/practice/participants/" + publicId + "/goals" + path).with(csrf()).cookie(person);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    private ResultActions send(String path, String... params) throws Exception {
        return send(groups.facilitatorA(), id, path, params);
    }

    private String page() throws Exception {
        return mvc.perform(get("/practice/participants/" + id + "/goals").cookie(groups.facilitatorA()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** A goal with one short-term goal and one step; returns the short-term goal's and the step's ids. */
    private long[] goalWithAStep(Cookie person, String publicId) throws Exception {
        send(person, publicId, "", "goalText", "Find a part-time job", "lifeArea", "WORK_SCHOOL",
                "setOn", "2025-01-13").andExpect(status().is3xxRedirection());
        send(person, publicId, "/short-term", "shortTermText", "Write a CV", "targetOn", "2025-03-01")
                .andExpect(status().is3xxRedirection());
        long shortTerm = jdbc.sql("select t.id from short_term_goal t join recovery_goal g on g.id = t.goal_id"
                + " join participant p on p.id = g.participant_id where p.public_id = ?")
                .param(publicId).query(Long.class).single();
        send(person, publicId, "/steps", "shortTermGoalId", String.valueOf(shortTerm), "stepText", "List past jobs")
                .andExpect(status().is3xxRedirection());
        long step = jdbc.sql("select id from goal_step where short_term_goal_id = ?").param(shortTerm)
                .query(Long.class).single();
        return new long[] {shortTerm, step};
    }


    private long rows() {
        return jdbc.sql("""
                select (select count(*) from recovery_goal g join participant p on p.id = g.participant_id
                        where p.public_id = :id)
                     + (select count(*) from short_term_goal t join recovery_goal g on g.id = t.goal_id
                        join participant p on p.id = g.participant_id where p.public_id = :id)
                     + (select count(*) from goal_step s join short_term_goal t on t.id = s.short_term_goal_id
                        join recovery_goal g on g.id = t.goal_id join participant p on p.id = g.participant_id
                        where p.public_id = :id)
                     + (select count(*) from goal_follow_up f join goal_step s on s.id = f.step_id
                        join short_term_goal t on t.id = s.short_term_goal_id join recovery_goal g on g.id = t.goal_id
                        join participant p on p.id = g.participant_id where p.public_id = :id)
                """).param("id", id).query(Long.class).single();
    }

    @Test
    void aFacilitatorSetsAGoalBreaksItDownAndFollowsItUpSessionAfterSession() throws Exception {
        assertThat(page()).contains("Goal tracking sheet: " + code, "No recovery goal is written yet.",
                "Set the recovery goal").doesNotContain("Record a goal follow-up");
        long step = goalWithAStep(groups.facilitatorA(), id)[1];

        send("/follow-ups", "followedOn", "2025-01-20", "stepId", String.valueOf(step), "progress", "PARTLY",
                "note", "Found two of them", "nextStep", "").andExpect(status().is3xxRedirection());
        send("/follow-ups", "followedOn", "2025-01-27", "stepId", String.valueOf(step), "progress", "DONE",
                "nextStep", "Ask a friend to read the CV").andExpect(status().is3xxRedirection());

        String sheet = page();
        assertThat(sheet).contains("Find a part-time job", "Work or school", "2025-01-13", "To reach by 2025-03-01",
                "Done on 2025-01-27", "Ask a friend to read the CV", "Not followed up yet", "Found two of them",
                "Partly done");
        String history = sheet.substring(sheet.indexOf("Follow-ups, newest first"));
        assertThat(history.indexOf("2025-01-27")).isLessThan(history.indexOf("2025-01-20"));
        assertThat(jdbc.sql("select completed_on from goal_step where id = ?").param(step)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2025, 1, 27));
        // The follow-up form starts on the step named next.
        long next = jdbc.sql("select next_step_id from goal_follow_up where step_id = ? and followed_on = ?")
                .params(step, LocalDate.of(2025, 1, 27)).query(Long.class).single();
        assertThat(sheet).contains("<option value=\"" + next + "\" selected=\"selected\">Ask a friend");

        // A new goal: the first stays in the history, set aside on the new one's day.
        send("", "goalText", "Visit my sister every month", "lifeArea", "RELATIONSHIPS", "setOn", "2025-02-03")
                .andExpect(content().string(containsString(
                        "Choose whether the current goal was achieved or set aside.")));
        send("", "goalText", "Visit my sister every month", "lifeArea", "RELATIONSHIPS", "setOn", "2025-02-03",
                "earlierGoal", "SET_ASIDE").andExpect(status().is3xxRedirection());
        assertThat(page()).contains("Visit my sister every month", "Relationships", "Earlier goals",
                "Find a part-time job (set on 2025-01-13): set aside on 2025-02-03", "No short-term goal yet.");

        List<String> audit = jdbc.sql("select action || ' ' || what from participant_audit where participant = ?"
                + " order by id").param(id).query(String.class).list();
        assertThat(audit).contains("CHANGE goals", "READ goals");
    }

    @Test
    void anotherFacilitatorGetsNothingAndAnotherParticipantsStepIsNotOffered() throws Exception {
        long[] mine = goalWithAStep(groups.facilitatorA(), id);
        long before = rows();
        mvc.perform(get("/practice/participants/" + id + "/goals").cookie(groups.facilitatorB()))
                .andExpect(status().isNotFound());
        send(groups.facilitatorB(), id, "", "goalText", "Intrude", "lifeArea", "OTHER", "setOn", JOINED)
                .andExpect(status().isNotFound());
        send(groups.facilitatorB(), id, "/steps", "shortTermGoalId", String.valueOf(mine[0]), "stepText", "Intrude")
                .andExpect(status().isNotFound());
        send(groups.facilitatorB(), id, "/follow-ups", "followedOn", "2025-01-20", "stepId", String.valueOf(mine[1]),
                "progress", "DONE").andExpect(status().isNotFound());
        mvc.perform(get("/practice/participants/" + id + "/goals/sheet.pdf").cookie(groups.facilitatorB()))
                .andExpect(status().isNotFound());
        // Bad input from someone who may not see the participant is still a 404, never the form's messages.
        send(groups.facilitatorB(), id, "", "goalText", "").andExpect(status().isNotFound());
        assertThat(rows()).isEqualTo(before);

        // Facilitator B's own participant, in the other group: their ids sent on A's participant change nothing.
        String theirs = PracticeGroups.addParticipant(mvc, groups.facilitatorB(), groups.groupB(), code + "B");
        long[] others = goalWithAStep(groups.facilitatorB(), theirs);
        mvc.perform(get("/practice/participants/" + theirs + "/goals").cookie(groups.facilitatorA()))
                .andExpect(status().isNotFound());
        send("/steps", "shortTermGoalId", String.valueOf(others[0]), "stepText", "Sneak in")
                .andExpect(content().string(containsString("Choose one of the choices offered.")));
        send("/follow-ups", "followedOn", "2025-01-20", "stepId", String.valueOf(others[1]), "progress", "DONE")
                .andExpect(content().string(containsString("Choose one of the choices offered.")));
        assertThat(rows()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from goal_follow_up where step_id = ?").param(others[1])
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select completed_on from goal_step where id = ?").param(others[1])
                .query(LocalDate.class).optional()).isEmpty();
    }

    @Test
    void badInputIsToldByTheFieldAndNothingIsStored() throws Exception {
        String future = LocalDate.now().plusDays(2).toString();
        send("", "goalText", " ", "lifeArea", "", "setOn", "")
                .andExpect(content().string(allOf(
                        containsString("Write the recovery goal, in the participant&#39;s own words."),
                        containsString("Choose the life area the goal touches."),
                        containsString("Enter the day the goal was set."), containsString("href=\"#goalText\""),
                        containsString("<title>Error: "))));
        send("", "goalText", "x".repeat(1001), "lifeArea", "NOPE", "setOn", "0202-01-01")
                .andExpect(content().string(allOf(containsString("Keep the goal to 1000 characters or fewer."),
                        containsString("This is not one of the choices. Choose again."),
                        containsString("Enter a date between 1990-01-01 and 2100-12-31."))));
        send("", "goalText", "Work\u0000again", "lifeArea", "WORK_SCHOOL", "setOn", JOINED)
                .andExpect(content().string(containsString("This text holds a control character")));
        send("", "goalText", "Work", "lifeArea", "WORK_SCHOOL", "setOn", future)
                .andExpect(content().string(containsString("Enter a day that is today or earlier.")));
        send("", "goalText", "Work", "lifeArea", "WORK_SCHOOL", "setOn", "2024-12-31")
                .andExpect(content().string(containsString(
                        "Enter a day on or after the day the participant joined.")));
        send("/short-term", "shortTermText", "Write a CV", "targetOn", "2025-03-01")
                .andExpect(content().string(containsString("Set the recovery goal first.")));
        assertThat(rows()).isZero();

        long[] ids = goalWithAStep(groups.facilitatorA(), id);
        long before = rows();
        send("/short-term", "shortTermText", "Call the job center", "targetOn", "2025-01-10")
                .andExpect(content().string(containsString(
                        "Enter a target day on or after the day the recovery goal was set.")));
        send("/short-term", "shortTermText", "", "targetOn", "9999-12-31")
                .andExpect(content().string(allOf(containsString("Write the short-term goal."),
                        containsString("Enter a date between 1990-01-01 and 2100-12-31."))));
        send("/steps", "shortTermGoalId", String.valueOf(ids[0]), "stepText", "")
                .andExpect(content().string(containsString(
                        "Write the step: something concrete the participant can do.")));
        send("/steps", "shortTermGoalId", "abc", "stepText", "y".repeat(501))
                .andExpect(content().string(allOf(containsString("This is not one of the choices. Choose again."),
                        containsString("Keep the text to 500 characters or fewer."))));
        for (String day : List.of(future, "2025-01-02")) {
            send("/follow-ups", "followedOn", day, "stepId", String.valueOf(ids[1]), "progress", "DONE")
                    .andExpect(content().string(containsString(day.equals(future)
                            ? "Enter a day that is today or earlier."
                            : "Enter a day on or after the day the participant joined.")));
        }
        send("/follow-ups", "followedOn", "2025-01-10", "stepId", String.valueOf(ids[1]), "progress", "DONE")
                .andExpect(content().string(containsString(
                        "Enter a day on or after the day the recovery goal was set.")));
        send("/follow-ups", "followedOn", "2025-01-20", "stepId", String.valueOf(ids[1]), "progress", "MAYBE",
                "note", "n".repeat(501))
                .andExpect(content().string(allOf(containsString("This is not one of the choices. Choose again."),
                        containsString("Keep the note to 500 characters or fewer."))));
        assertThat(rows()).isEqualTo(before);
        assertThat(jdbc.sql("select completed_on from goal_step where id = ?").param(ids[1])
                .query(LocalDate.class).optional()).isEmpty();
    }

    @Test
    void aFormSentTwiceIsRecordedOnce() throws Exception {
        long[] ids = goalWithAStep(groups.facilitatorA(), id);
        String[] followUp = {"followedOn", "2025-01-20", "stepId", String.valueOf(ids[1]), "progress", "PARTLY",
            "nextStep", "Phone the old boss"};
        send("/follow-ups", followUp).andExpect(status().is3xxRedirection());
        send("/follow-ups", followUp).andExpect(content().string(containsString(
                "This step already has a follow-up on this day: it is in the history below.")));
        assertThat(jdbc.sql("select count(*) from goal_follow_up where step_id = ?").param(ids[1])
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from goal_step where short_term_goal_id = ?").param(ids[0])
                .query(Long.class).single()).isEqualTo(2);

        send("/steps", "shortTermGoalId", String.valueOf(ids[0]), "stepText", "list past jobs ")
                .andExpect(content().string(containsString("This short-term goal already has this step")));
        send("/short-term", "shortTermText", "Write a CV", "targetOn", "2025-03-01")
                .andExpect(content().string(containsString("The goal already has this short-term goal.")));
        send("", "goalText", "Find a part-time job", "lifeArea", "WORK_SCHOOL", "setOn", "2025-01-13")
                .andExpect(content().string(containsString("This is already the current goal.")));
        assertThat(rows()).isEqualTo(1 + 1 + 2 + 1);
    }

    @Test
    void theSheetIsPrintedForTheParticipantInTheLanguageChosenWithTheirCodeOnly() throws Exception {
        String initialed = mvc.perform(post("/practice/groups/" + groups.groupA() + "/participants").with(csrf())
                        .cookie(groups.facilitatorA()).param("code", code + "I").param("initials", "QZX")
                        .param("consentOn", JOINED).param("joinedOn", JOINED))
                .andReturn().getResponse().getRedirectedUrl().replaceAll(".*/participants/([^?]+).*", "$1");
        long step = goalWithAStep(groups.facilitatorA(), initialed)[1];
        send(groups.facilitatorA(), initialed, "/follow-ups", "followedOn", "2025-01-20", "stepId",
                String.valueOf(step), "progress", "NOT_YET", "note", "Busy week");

        byte[] spanish = mvc.perform(get("/practice/participants/" + initialed + "/goals/sheet.pdf")
                        .param("language", "es").cookie(groups.facilitatorA(), new Cookie("imr-lang", "en")))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getHeader("Content-Disposition"))
                        .contains("goal-sheet.pdf").doesNotContain(code))
                .andReturn().getResponse().getContentAsByteArray();
        PrintedPdf pdf = PrintedPdf.read(spanish)
                .assertAccessible("es", "Hoja de seguimiento de metas: " + code + "I");
        assertThat(pdf.text()).contains("Impresa el " + LocalDate.now(), "Find a part-time job",
                        "Trabajo o estudios", "Write a CV", "List past jobs", "Todavía no", "Busy week")
                .doesNotContain("QZX", "Goal tracking sheet");
        assertThat(pdf.structure()).contains("H1", "H2", "Table");

        PrintedPdf english = PrintedPdf.read(mvc.perform(get("/practice/participants/" + initialed
                        + "/goals/sheet.pdf").param("language", "en")
                        .cookie(groups.facilitatorA(), new Cookie("imr-lang", "es")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(english.text()).contains("Goal tracking sheet: " + code + "I", "Not yet").doesNotContain("QZX");
        mvc.perform(get("/practice/participants/" + initialed + "/goals/sheet.pdf").param("language", "fr")
                .cookie(groups.facilitatorA())).andExpect(status().isBadRequest());
        mvc.perform(get("/practice/participants/" + initialed + "/goals").cookie(groups.facilitatorA()))
                .andExpect(content().string(allOf(containsString("Print the goal sheet (PDF)"),
                        containsString("<option value=\"es\" lang=\"es\">Español</option>"))));
    }

    @Test
    void theGoalsArePartOfTheRecordCountForTheFiguresAndGoWithTheErasure() throws Exception {
        long[] ids = goalWithAStep(groups.facilitatorA(), id);
        send("/follow-ups", "followedOn", "2025-01-20", "stepId", String.valueOf(ids[1]), "progress", "PARTLY");
        send("/follow-ups", "followedOn", "2025-01-27", "stepId", String.valueOf(ids[1]), "progress", "DONE");
        long participantId = jdbc.sql("select id from participant where public_id = ?").param(id)
                .query(Long.class).single();
        String other = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), code + "N");
        long otherId = jdbc.sql("select id from participant where public_id = ?").param(other)
                .query(Long.class).single();

        List<Long> both = List.of(participantId, otherId);
        assertThat(recoveryGoals.withWrittenGoal(both, LocalDate.of(2025, 1, 13))).containsExactly(participantId);
        assertThat(recoveryGoals.withWrittenGoal(both, LocalDate.of(2025, 1, 12))).isEmpty();
        assertThat(recoveryGoals.stepsCompleted(both, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 27)))
                .isEqualTo(Map.of(participantId, 1));
        assertThat(recoveryGoals.stepsCompleted(both, LocalDate.of(2025, 1, 28), LocalDate.of(2025, 12, 31)))
                .isEmpty();
        assertThat(recoveryGoals.followUps(both, LocalDate.of(2025, 1, 20), LocalDate.of(2025, 1, 26)))
                .isEqualTo(Map.of(participantId, 1));
        assertThat(recoveryGoals.followUps(List.of(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)))
                .isEmpty();

        Participant participant = new Participant(participantId, id, groups.programId(), groups.groupA(), code, null,
                LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 6), ParticipantStatus.ACTIVE, null, null);
        RecordPart goals = recordParts.stream().filter(part -> part.headingKey().equals("goals.record.heading"))
                .findFirst().orElseThrow();
        assertThat(goals.entries(participant)).extracting(RecordPart.Entry::labelKey).containsExactly(
                "goals.record.goal.WORK_SCHOOL", "goals.record.followUp.PARTLY", "goals.record.stepDone",
                "goals.record.followUp.DONE", "goals.record.shortTerm");
        assertThat(goals.entries(participant).getFirst().text()).isEqualTo("Find a part-time job");

        transactions.executeWithoutResult(tx -> events.publishEvent(
                new ParticipantErased(participantId, groups.groupA())));
        assertThat(rows()).isZero();
        assertThat(goals.entries(participant)).isEmpty();
    }
}
