package org.imrplatform.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;

import org.imrplatform.support.PlatformTest;
import org.imrplatform.support.PracticeGroups;
import org.imrplatform.support.PracticeRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A participant's record held by every Practice module leaves whole in the export and goes whole on erasure: the
 * export names each module's part, and afterwards no table of any module holds a row about the participant.
 */
@PlatformTest
class WholeRecordTest {

    /** Each module's rows about one participant (:id is the participant's internal id). */
    private static final Map<String, String> ROWS = Map.of(
            "goals", "select count(*) from recovery_goal where participant_id = :id",
            "goal steps", "select count(*) from goal_step s join short_term_goal t on t.id = s.short_term_goal_id"
                    + " join recovery_goal g on g.id = t.goal_id where g.participant_id = :id",
            "relapse plans", "select count(*) from relapse_plan_version where participant_id = :id",
            "IMR Scale ratings", "select count(*) from imrs_rating where participant_id = :id",
            "moves", "select count(*) from participant_move where participant_id = :id",
            "participant", "select count(*) from participant where id = :id");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyModulesPartIsExportedAndErased() throws Exception {
        PracticeGroups groups = PracticeGroups.create(mvc, jdbc);
        String id = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), "W-1");
        long internal = jdbc.sql("select id from participant where public_id = ?").param(id).query(Long.class)
                .single();
        PracticeRecords records = new PracticeRecords(mvc, jdbc, groups.administrator());
        records.goalWithAStepDone(id, LocalDate.of(2025, 2, 3));
        records.plan(id);
        records.imrs(id, "CLIENT", LocalDate.of(2025, 1, 10), 3);
        mvc.perform(post("/practice/participants/" + id + "/move").with(csrf()).cookie(groups.administrator())
                .param("groupId", String.valueOf(groups.groupB())).param("movedOn", "2025-02-01"));
        ROWS.forEach((what, sql) -> assertThat(count(sql, internal)).as(what + " before").isPositive());

        mvc.perform(get("/practice/participants/" + id + "/record.json").cookie(groups.facilitatorB()))
                .andExpect(jsonPath("$.moves[0].movedOn").value("2025-02-01"))
                .andExpect(jsonPath("$.parts[*].heading").value(org.hamcrest.Matchers.hasItems(
                        "Recovery goals", "Relapse prevention plan", "IMR Scale ratings")))
                .andExpect(jsonPath("$.parts[?(@.heading == 'Recovery goals')].entries[*].text")
                        .value(org.hamcrest.Matchers.hasItem("Find a part-time job")));

        mvc.perform(post("/practice/participants/" + id + "/erasure").with(csrf()).cookie(groups.facilitatorB())
                .param("confirmation", "W-1")).andExpect(status().is3xxRedirection());
        ROWS.forEach((what, sql) -> assertThat(count(sql, internal)).as(what + " after erasure").isZero());
    }

    private long count(String sql, long participantId) {
        return jdbc.sql(sql).param("id", participantId).query(Long.class).single();
    }
}
