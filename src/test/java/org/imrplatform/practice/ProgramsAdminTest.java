package org.imrplatform.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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

    @Test
    void everyFormRefusesWhatItDidNotOfferAndStoresNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Cookie admin = Learners.administrator(mvc);
        Learners.register(mvc, "lou." + run + "@example.org", "Lou Learner " + run);
        long learnerId = id("lou." + run + "@example.org");
        mvc.perform(post("/admin/programs/sites").with(csrf()).cookie(admin).param("siteName", "Site " + run))
                .andExpect(redirectedUrl("/admin/programs"));
        long siteId = jdbc.sql("select id from site where name = ?").param("Site " + run).query(Long.class).single();
        mvc.perform(post("/admin/programs/programs").with(csrf()).cookie(admin).param("siteId", String.valueOf(siteId))
                .param("programName", "IMR " + run)).andExpect(redirectedUrl("/admin/programs"));
        long programId = jdbc.sql("select id from imr_program where site_id = ?").param(siteId).query(Long.class)
                .single();
        mvc.perform(post("/admin/programs/groups").with(csrf()).cookie(admin)
                .param("programId", String.valueOf(programId)).param("groupName", "Monday"))
                .andExpect(redirectedUrl("/admin/programs"));
        long groupId = jdbc.sql("select id from imr_group where program_id = ?").param(programId).query(Long.class)
                .single();
        String nul = "Name " + run + "\u0000";
        String huge = "x".repeat(10_000);
        String control = "This text holds a control character";
        String[][] refused = {
                {"/admin/programs/sites", "siteName", nul, control},
                {"/admin/programs/sites", "siteName", huge, "Use at most 200 characters."},
                {"/admin/programs/sites", "siteName", "", "Enter a name."},
                {"/admin/programs/programs", "siteId", "abc", "This is not one of the choices."},
                {"/admin/programs/programs", "siteId", "99999999999999999999", "This is not one of the choices."},
                {"/admin/programs/programs", "siteId", "999999999", "Choose the site."},
                {"/admin/programs/programs", "siteId", "", "Choose the site."},
                {"/admin/programs/programs", "programName", nul, control},
                {"/admin/programs/programs", "programName", huge, "Use at most 200 characters."},
                {"/admin/programs/groups", "programId", "-1", "Choose the program."},
                {"/admin/programs/groups", "programId", "1\u0000", "This is not one of the choices."},
                {"/admin/programs/groups", "groupName", nul, control},
                {"/admin/programs/groups", "groupName", huge, "Use at most 200 characters."},
                {"/admin/programs/facilitators", "groupId", "999999999", "Choose the group."},
                {"/admin/programs/facilitators", "groupId", "NOPE", "This is not one of the choices."},
                {"/admin/programs/facilitators", "accountId", String.valueOf(learnerId), "Choose a facilitator."},
                {"/admin/programs/facilitators", "accountId", huge, "This is not one of the choices."},
        };
        for (String[] attempt : refused) {
            Map<String, String> params = new LinkedHashMap<>(Map.of(
                    "siteName", "New site " + run, "siteId", String.valueOf(siteId), "programName", "New " + run,
                    "programId", String.valueOf(programId), "groupName", "New " + run,
                    "groupId", String.valueOf(groupId), "accountId", String.valueOf(learnerId)));
            params.put(attempt[1], attempt[2]);
            MockHttpServletRequestBuilder request = post(attempt[0]).with(csrf()).cookie(admin);
            params.forEach(request::param);
            mvc.perform(request).andExpect(status().isOk()).andExpect(content().string(allOf(
                    containsString("There is a problem"), containsString(attempt[3]))));
        }
        mvc.perform(post("/admin/programs/facilitators/remove").with(csrf()).cookie(admin).param("groupId", "abc")
                .param("accountId", "\u0000")).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from site where name like ?").param("%" + run + "%").query(Long.class)
                .single()).as("nothing stored").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from imr_program where site_id = ?").param(siteId).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from imr_group where program_id = ?").param(programId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from group_facilitator where group_id = ?").param(groupId)
                .query(Long.class).single()).isZero();
    }

    private long id(String email) {
        return jdbc.sql("select id from account where email_key = ?").param(email).query(Long.class).single();
    }
}
