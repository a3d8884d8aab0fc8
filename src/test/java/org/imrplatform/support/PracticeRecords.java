package org.imrplatform.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.servlet.http.Cookie;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Parts of a participant's record made through the pages, as a facilitator makes them, for tests that need a
 * participant with a goal, a plan or ratings. Each call fails loudly when the page did not store what was sent.
 */
public record PracticeRecords(MockMvc mvc, JdbcClient jdbc, Cookie person) {

    /** A recovery goal with one short-term goal and one step, followed up on {@code doneOn} as done. */
    public void goalWithAStepDone(String publicId, LocalDate doneOn) throws Exception {
        String goals = "/practice/participants/" + publicId + "/goals";
        expectRedirect(post(goals).param("goalText", "Find a part-time job").param("lifeArea", "WORK_SCHOOL")
                .param("setOn", "2025-01-13"));
        expectRedirect(post(goals + "/short-term").param("shortTermText", "Write a CV").param("targetOn",
                "2025-03-01"));
        long shortTerm = jdbc.sql("select t.id from short_term_goal t join recovery_goal g on g.id = t.goal_id"
                + " join participant p on p.id = g.participant_id where p.public_id = ?").param(publicId)
                .query(Long.class).single();
        expectRedirect(post(goals + "/steps").param("shortTermGoalId", String.valueOf(shortTerm))
                .param("stepText", "List past jobs"));
        long step = jdbc.sql("select id from goal_step where short_term_goal_id = ?").param(shortTerm)
                .query(Long.class).single();
        expectRedirect(post(goals + "/follow-ups").param("followedOn", doneOn.toString())
                .param("stepId", String.valueOf(step)).param("progress", "DONE").param("nextStep", ""));
    }

    /** A 90-minute session of the group on the day, working on the module, attended by the participants given. */
    public void session(long groupId, LocalDate on, int module, String... attendees) throws Exception {
        expectRedirect(post("/practice/groups/" + groupId + "/sessions").param("heldOn", on.toString())
                .param("minutes", "90").param("module", String.valueOf(module)).param("topic", "Practice topic")
                .param("parts", "GOAL_FOLLOW_UP", "NEW_MATERIAL").param("homeAssignment", "Try one step this week")
                .param("attendees", attendees));
    }

    /** A first relapse prevention plan, reviewed in three months. */
    public void plan(String publicId) throws Exception {
        expectRedirect(post("/practice/participants/" + publicId + "/plan")
                .param("triggers", "Arguments at home").param("warningSigns", "Sleeping less than five hours")
                .param("copingStrategies", "A walk after lunch").param("actions", "Call my case manager")
                .param("supporters", "My sister, by phone")
                .param("reviewOn", LocalDate.now(ZoneOffset.UTC).plusMonths(3).toString()).param("basedOn", "0"));
    }

    /** An IMR Scale rating of the kind (CLIENT or CLINICIAN) with every one of the 15 items scored {@code score}. */
    public void imrs(String publicId, String kind, LocalDate on, int score) throws Exception {
        MockHttpServletRequestBuilder request = post("/practice/participants/" + publicId + "/imrs")
                .param("kind", kind).param("ratedOn", on.toString());
        for (int item = 1; item <= 15; item++) {
            request.param("answer[" + item + "]", String.valueOf(score));
        }
        expectRedirect(request);
    }

    private void expectRedirect(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request.with(csrf()).cookie(person)).andReturn().getResponse();
        if (response.getStatus() != 302) {
            String page = response.getContentAsString();
            throw new IllegalStateException("not stored (" + response.getStatus() + "): "
                    + page.substring(0, Math.min(page.length(), 2_000)));
        }
    }
}
