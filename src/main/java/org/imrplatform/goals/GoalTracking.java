package org.imrplatform.goals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.participants.Participant;
import org.imrplatform.participants.ParticipantRecords;
import org.imrplatform.participants.ParticipantRecords.Use;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes a participant's goal tracking sheet. Each method opens the participant through
 * {@link ParticipantRecords} (404 for anyone who may not, and the audit entry) in the transaction that reads or
 * writes the goals; a {@link GoalRefused} rolls the whole change back. Ids sent in a form (a short-term goal, a step)
 * are looked up only among the current goal of the participant in the address, so another participant's id is
 * "not offered" and changes nothing.
 */
@Service
class GoalTracking {

    private static final String WHAT = "goals";

    private final ParticipantRecords records;
    private final JdbcClient jdbc;
    private final Clock clock;

    GoalTracking(ParticipantRecords records, JdbcClient jdbc, Clock clock) {
        this.records = records;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record CurrentGoal(long id, String text, LocalDate setOn) {
    }

    private record OpenStep(long id, long shortTermGoalId, LocalDate goalSetOn) {
    }

    @Transactional
    GoalSheet sheet(SignedInAccount me, String publicId, String what) {
        return sheet(records.open(me, publicId, Use.READ, what));
    }

    /** The sheet of a participant the caller has opened through ParticipantRecords. */
    GoalSheet sheet(Participant participant) {
        return new GoalSheet(participant, goals(participant.id()), followUps(participant.id()));
    }

    /** Sets the participant's goal; a current goal is ended on the new one's day, achieved or set aside. */
    @Transactional
    void setGoal(SignedInAccount me, String publicId, GoalForm form) {
        Participant participant = records.open(me, publicId, Use.CHANGE, WHAT);
        checkDay(participant, "setOn", form.setOn());
        Optional<CurrentGoal> current = currentGoal(participant.id());
        if (current.isPresent()) {
            if (current.get().text().equalsIgnoreCase(form.goalText().strip())) {
                throw new GoalRefused("goalText", "goals.goalText.same");
            }
            if (form.earlierGoal() == null) {
                throw new GoalRefused("earlierGoal", "goals.earlierGoal.required");
            }
            if (form.setOn().isBefore(current.get().setOn())) {
                throw new GoalRefused("setOn", "goals.setOn.beforeEarlier");
            }
            jdbc.sql("update recovery_goal set ending = ?, ended_on = ? where id = ?")
                    .params(form.earlierGoal().name(), form.setOn(), current.get().id()).update();
        }
        jdbc.sql("insert into recovery_goal (participant_id, goal_text, life_area, set_on, created_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(participant.id(), form.goalText().strip(), form.lifeArea().name(), form.setOn(), now())
                .update();
    }

    @Transactional
    void addShortTermGoal(SignedInAccount me, String publicId, ShortTermGoalForm form) {
        Participant participant = records.open(me, publicId, Use.CHANGE, WHAT);
        CurrentGoal goal = currentGoal(participant.id())
                .orElseThrow(() -> new GoalRefused("shortTermText", "goals.noGoal"));
        if (form.targetOn().isBefore(goal.setOn())) {
            throw new GoalRefused("targetOn", "goals.targetOn.beforeGoal");
        }
        if (jdbc.sql("select count(*) from short_term_goal where goal_id = ? and lower(goal_text) = lower(?)")
                .params(goal.id(), form.shortTermText().strip()).query(Long.class).single() > 0) {
            throw new GoalRefused("shortTermText", "goals.shortTermText.same");
        }
        jdbc.sql("insert into short_term_goal (goal_id, goal_text, target_on, created_at) values (?, ?, ?, ?)")
                .params(goal.id(), form.shortTermText().strip(), form.targetOn(), now()).update();
    }

    @Transactional
    void addStep(SignedInAccount me, String publicId, StepForm form) {
        Participant participant = records.open(me, publicId, Use.CHANGE, WHAT);
        long shortTermGoalId = jdbc.sql("""
                        select t.id from short_term_goal t join recovery_goal g on g.id = t.goal_id
                        where t.id = ? and g.participant_id = ? and g.ending is null
                        """)
                .params(form.shortTermGoalId(), participant.id()).query(Long.class).optional()
                .orElseThrow(() -> new GoalRefused("shortTermGoalId", "goals.notOffered"));
        if (openStepNamed(shortTermGoalId, form.stepText())) {
            throw new GoalRefused("stepText", "goals.stepText.same");
        }
        addStep(shortTermGoalId, form.stepText());
    }

    /**
     * Records what happened with a step on a day: a step done is completed that day; the next step is the one typed
     * (added under the same short-term goal), else the same step while it is not done. Once per step and day.
     */
    @Transactional
    void recordFollowUp(SignedInAccount me, String publicId, FollowUpForm form) {
        Participant participant = records.open(me, publicId, Use.CHANGE, WHAT);
        OpenStep step = jdbc.sql("""
                        select s.id, s.short_term_goal_id, g.set_on from goal_step s
                        join short_term_goal t on t.id = s.short_term_goal_id
                        join recovery_goal g on g.id = t.goal_id
                        where s.id = ? and g.participant_id = ? and g.ending is null and s.completed_on is null
                        """)
                .params(form.stepId(), participant.id())
                .query((rs, row) -> new OpenStep(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class)))
                .optional().orElseThrow(() -> new GoalRefused("stepId", "goals.notOffered"));
        checkDay(participant, "followedOn", form.followedOn());
        if (form.followedOn().isBefore(step.goalSetOn())) {
            throw new GoalRefused("followedOn", "goals.followedOn.beforeGoal");
        }
        if (jdbc.sql("select count(*) from goal_follow_up where step_id = ? and followed_on = ?")
                .params(step.id(), form.followedOn()).query(Long.class).single() > 0) {
            throw new GoalRefused("followedOn", "goals.followUp.twice");
        }
        boolean done = form.progress() == StepProgress.DONE;
        Long next = form.nextStep() != null && !form.nextStep().isBlank()
                ? Long.valueOf(addStep(step.shortTermGoalId(), form.nextStep()))
                : done ? null : Long.valueOf(step.id());
        try {
            jdbc.sql("""
                            insert into goal_follow_up (step_id, followed_on, progress, note, next_step_id,
                                                        recorded_by, created_at)
                            values (?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(step.id(), form.followedOn(), form.progress().name(), blankToNull(form.note()), next,
                            me.accountId(), now())
                    .update();
        } catch (DuplicateKeyException racedByTheSameForm) {
            throw new GoalRefused("followedOn", "goals.followUp.twice");
        }
        if (done) {
            jdbc.sql("update goal_step set completed_on = ? where id = ?").params(form.followedOn(), step.id())
                    .update();
        }
    }

    /** A day something happened on the sheet: not in the future, not before the participant joined. */
    private void checkDay(Participant participant, String field, LocalDate day) {
        if (day.isAfter(LocalDate.now(clock))) {
            throw new GoalRefused(field, "goals.date.future");
        }
        if (day.isBefore(participant.joinedOn())) {
            throw new GoalRefused(field, "goals.date.beforeJoining");
        }
    }

    private Optional<CurrentGoal> currentGoal(long participantId) {
        return jdbc.sql("select id, goal_text, set_on from recovery_goal where participant_id = ? and ending is null")
                .param(participantId)
                .query((rs, row) -> new CurrentGoal(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
                .optional();
    }

    private boolean openStepNamed(long shortTermGoalId, String text) {
        return jdbc.sql("select count(*) from goal_step where short_term_goal_id = ? and completed_on is null"
                        + " and lower(step_text) = lower(?)")
                .params(shortTermGoalId, text.strip()).query(Long.class).single() > 0;
    }

    private long addStep(long shortTermGoalId, String text) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into goal_step (short_term_goal_id, step_text, created_at) values (?, ?, ?)")
                .params(shortTermGoalId, text.strip(), now()).update(key, "id");
        return key.getKey().longValue();
    }

    private List<RecoveryGoal> goals(long participantId) {
        Map<Long, List<RecoveryGoal.Step>> steps = jdbc.sql("""
                        select s.short_term_goal_id, s.id, s.step_text, s.completed_on,
                               (select f.progress from goal_follow_up f where f.step_id = s.id
                                order by f.followed_on desc, f.id desc fetch first 1 rows only) as last_progress
                        from goal_step s join short_term_goal t on t.id = s.short_term_goal_id
                        join recovery_goal g on g.id = t.goal_id
                        where g.participant_id = ? order by s.id
                        """)
                .param(participantId)
                .query((rs, row) -> Map.entry(rs.getLong(1), new RecoveryGoal.Step(rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), progress(rs.getString(5)))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<Long, List<RecoveryGoal.ShortTermGoal>> shortTermGoals = jdbc.sql("""
                        select t.goal_id, t.id, t.goal_text, t.target_on
                        from short_term_goal t join recovery_goal g on g.id = t.goal_id
                        where g.participant_id = ? order by t.target_on, t.id
                        """)
                .param(participantId)
                .query((rs, row) -> Map.entry(rs.getLong(1), new RecoveryGoal.ShortTermGoal(rs.getLong(2),
                        rs.getString(3), rs.getObject(4, LocalDate.class),
                        steps.getOrDefault(rs.getLong(2), List.of()))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return jdbc.sql("select id, goal_text, life_area, set_on, ending, ended_on from recovery_goal"
                        + " where participant_id = ? order by set_on desc, id desc")
                .param(participantId)
                .query((rs, row) -> goal(rs, shortTermGoals.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    private List<FollowUp> followUps(long participantId) {
        return jdbc.sql("""
                        select f.followed_on, f.step_id, s.step_text, f.progress, f.note, f.next_step_id,
                               n.step_text as next_text
                        from goal_follow_up f join goal_step s on s.id = f.step_id
                        join short_term_goal t on t.id = s.short_term_goal_id
                        join recovery_goal g on g.id = t.goal_id
                        left join goal_step n on n.id = f.next_step_id
                        where g.participant_id = ? order by f.followed_on desc, f.id desc
                        """)
                .param(participantId)
                .query((rs, row) -> new FollowUp(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getString(3),
                        StepProgress.valueOf(rs.getString(4)), rs.getString(5), rs.getObject(6, Long.class),
                        rs.getString(7)))
                .list();
    }

    private static RecoveryGoal goal(ResultSet rs, List<RecoveryGoal.ShortTermGoal> shortTermGoals)
            throws SQLException {
        String ending = rs.getString("ending");
        return new RecoveryGoal(rs.getLong("id"), rs.getString("goal_text"),
                LifeArea.valueOf(rs.getString("life_area")), rs.getObject("set_on", LocalDate.class), ending == null ? null : GoalEnding.valueOf(ending),
                rs.getObject("ended_on", LocalDate.class), shortTermGoals);
    }

    private static StepProgress progress(String name) {
        return name == null ? null : StepProgress.valueOf(name);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
