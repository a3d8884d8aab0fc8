package org.imrplatform.practice;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Administrators record sites, programs and groups, and link facilitators; mistakes are shown by the field. */
@PlatformTest
class ProgramsAdminTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aGroupGetsItsFacilitatorAfterTheMistakesAreFixed() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Cookie admin = Learners.administrator(mvc);
        Learners.withRoles(mvc, jdbc, "lena." + run + "@example.org", "Lena Facilitator " + run, "FACILITATOR");
        Learners.register(mvc, "leo." + run + "@example.org", "Leo Learner " + run);
        long facilitatorId = id("lena." + run + "@example.org");
        long learnerId = id("leo." + run + "@example.org");

        mvc.perform(post("/admin/programs/sites").with(csrf()).cookie(admin).param("siteName", " "))
                .andExpect(content().string(allOf(containsString("There is a problem"),
                        containsString("href=\"#siteName\""), containsString("Enter a name."))));
        mvc.perform(post("/admin/programs/sites").with(csrf()).cookie(admin).param("siteName", "Clinic " + run))
                .andExpect(redirectedUrl("/admin/programs"));
        mvc.perform(post("/admin/programs/sites").with(csrf()).cookie(admin).param("siteName", "Clinic " + run))
                .andExpect(content().string(containsString("This name is already used here.")));
        long siteId = jdbc.sql("select id from site where name = ?").param("Clinic " + run).query(Long.class).single();

        mvc.perform(post("/admin/programs/programs").with(csrf()).cookie(admin).param("siteId", "999999999")
                        .param("programName", "IMR"))
                .andExpect(content().string(containsString("Choose the site.")));
        mvc.perform(post("/admin/programs/programs").with(csrf()).cookie(admin).param("siteId", String.valueOf(siteId))
                .param("programName", "IMR")).andExpect(redirectedUrl("/admin/programs"));
        long programId = jdbc.sql("select id from imr_program where site_id = ?").param(siteId).query(Long.class)
                .single();
        mvc.perform(post("/admin/programs/groups").with(csrf()).cookie(admin)
                .param("programId", String.valueOf(programId)).param("groupName", "Thursday"))
                .andExpect(redirectedUrl("/admin/programs"));
        long groupId = jdbc.sql("select id from imr_group where program_id = ?").param(programId).query(Long.class)
                .single();

        mvc.perform(post("/admin/programs/facilitators").with(csrf()).cookie(admin)
                        .param("groupId", String.valueOf(groupId)).param("accountId", String.valueOf(learnerId)))
                .andExpect(content().string(containsString("Choose a facilitator.")));
        mvc.perform(post("/admin/programs/facilitators").with(csrf()).cookie(admin)
                        .param("groupId", String.valueOf(groupId)).param("accountId", String.valueOf(facilitatorId)))
                .andExpect(redirectedUrl("/admin/programs"));
        mvc.perform(get("/admin/programs").cookie(admin)).andExpect(content().string(allOf(
                containsString("Clinic " + run + " · IMR"), containsString("<th scope=\"row\">Thursday</th>"),
                containsString("<span>Lena Facilitator " + run + "</span>"),
                containsString("Unlink Lena Facilitator " + run + " from Thursday"))));

        mvc.perform(post("/admin/programs/facilitators/remove").with(csrf()).cookie(admin)
                        .param("groupId", String.valueOf(groupId)).param("accountId", String.valueOf(facilitatorId)))
                .andExpect(redirectedUrl("/admin/programs"));
        mvc.perform(get("/admin/programs").cookie(admin))
                .andExpect(content().string(not(containsString("<span>Lena Facilitator " + run))));
    }

    private long id(String email) {
        return jdbc.sql("select id from account where email_key = ?").param(email).query(Long.class).single();
    }
}
