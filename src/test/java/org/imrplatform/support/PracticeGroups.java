package org.imrplatform.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A site of its own per test: one program with two groups, each led by its own facilitator, and a second program
 * whose group the first facilitator also leads. Tests of the Practice face start from here.
 */
public record PracticeGroups(long programId, long groupA, long groupB, long otherProgramGroup, Cookie facilitatorA,
        long facilitatorAId, Cookie facilitatorB, Cookie administrator) {

    public static PracticeGroups create(MockMvc mvc, JdbcClient jdbc) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long site = insert(jdbc, "insert into site (name, created_at) values (?, current_timestamp)", "Site " + run);
        long program = insert(jdbc, "insert into imr_program (site_id, name, created_at)"
                + " values (?, ?, current_timestamp)", site, "IMR " + run);
        long other = insert(jdbc, "insert into imr_program (site_id, name, created_at)"
                + " values (?, ?, current_timestamp)", site, "Other " + run);
        long groupA = group(jdbc, program, "Monday " + run);
        long groupB = group(jdbc, program, "Thursday " + run);
        long otherGroup = group(jdbc, other, "Friday " + run);
        String emailA = Learners.email("facilitator-a-" + run);
        String emailB = Learners.email("facilitator-b-" + run);
        Cookie facilitatorA = Learners.withRoles(mvc, jdbc, emailA, "Ana Facilitator", "FACILITATOR");
        Cookie facilitatorB = Learners.withRoles(mvc, jdbc, emailB, "Beto Facilitator", "FACILITATOR");
        long idA = accountId(jdbc, emailA);
        lead(jdbc, groupA, idA);
        lead(jdbc, otherGroup, idA);
        lead(jdbc, groupB, accountId(jdbc, emailB));
        return new PracticeGroups(program, groupA, groupB, otherGroup, facilitatorA, idA, facilitatorB,
                Learners.administrator(mvc));
    }

    /**
     * A group of its own, in a site and program of its own, led by no facilitator: for browser tests, where an
     * administrator works with it.
     */
    public static long groupOfItsOwn(JdbcClient jdbc) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long site = insert(jdbc, "insert into site (name, created_at) values (?, current_timestamp)", "Site " + run);
        long program = insert(jdbc, "insert into imr_program (site_id, name, created_at)"
                + " values (?, ?, current_timestamp)", site, "IMR " + run);
        return group(jdbc, program, "Monday " + run);
    }

    /** Adds a participant to the group as the given person and returns the public id the record answers to. */
    public static String addParticipant(MockMvc mvc, Cookie person, long groupId, String code) throws Exception {
        String location = mvc.perform(post("/practice/groups/" + groupId + "/participants").with(csrf())
                        .cookie(person).param("code", code).param("initials", "")
                        .param("consentOn", "2025-01-06").param("joinedOn", "2025-01-06"))
                .andReturn().getResponse().getRedirectedUrl();
        if (location == null || !location.startsWith("/practice/participants/")) {
            throw new IllegalStateException("participant " + code + " was not added: " + location);
        }
        return location.substring("/practice/participants/".length(), location.indexOf('?'));
    }

    private static long group(JdbcClient jdbc, long program, String name) {
        return insert(jdbc, "insert into imr_group (program_id, name, created_at) values (?, ?, current_timestamp)",
                program, name);
    }

    private static void lead(JdbcClient jdbc, long group, long account) {
        jdbc.sql("insert into group_facilitator (group_id, account_id) values (?, ?)").params(group, account).update();
    }

    private static long accountId(JdbcClient jdbc, String email) {
        return jdbc.sql("select id from account where email = ?").param(email).query(Long.class).single();
    }

    private static long insert(JdbcClient jdbc, String sql, Object... params) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(key, "id");
        return key.getKey().longValue();
    }
}
