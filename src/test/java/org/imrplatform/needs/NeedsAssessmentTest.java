package org.imrplatform.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** A needs assessment is imported whole or not at all, and the outcomes page shows where the area ranks. */
@PlatformTest
class NeedsAssessmentTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private ResultActions upload(Cookie admin, String title, String date, String csv) throws Exception {
        return mvc.perform(multipart("/admin/needs-assessments").file(new MockMultipartFile("file", "needs.csv",
                        "text/csv", csv.getBytes(StandardCharsets.UTF_8))).param("title", title)
                .param("conductedOn", date).with(csrf()).cookie(admin));
    }

    private int assessments() {
        return jdbc.sql("select count(*) from needs_assessment").query(Integer.class).single();
    }

    @Test
    void aFileWithAnyBadRowIsRefusedWhole() throws Exception {
        Cookie admin = Learners.administrator(mvc);
        int before = assessments();
        upload(admin, "Regional survey", "1991-06-01", """
                area,rank,percent
                Illness Management and Recovery,3,41.5
                Trauma-informed care,x,
                illness management and recovery,4,
                Peer support,,
                Housing,1,140
                """)
                .andExpect(content().string(allOf(containsString("nothing was saved"),
                        containsString("Row 3: rank &#39;x&#39; must be a whole number from 1 up."),
                        containsString("is already on row 2"), containsString("Row 5: give a rank, a percent or both."),
                        containsString("percent &#39;140&#39; must be a number from 0 to 100"))));
        upload(admin, "", "someday", "area,rank,percent\nX,1,\n")
                .andExpect(content().string(allOf(containsString("Enter the assessment&#39;s title"),
                        containsString("Enter the date the assessment was conducted"))));
        assertThat(assessments()).isEqualTo(before);
    }

    @Test
    void theOutcomesPageShowsWhereTheAreaRanks() throws Exception {
        Cookie admin = Learners.administrator(mvc);
        upload(admin, "Regional needs 1991", "1991-06-01", """
                area,rank,percent
                Housing,1,63
                Employment,2,55%
                Illness Management and Recovery,3,41.5
                Peer support,4,
                """).andExpect(redirectedUrl("/admin/needs-assessments"));

        mvc.perform(get("/admin/outcomes").param("from", "1991-01-01").param("to", "1991-12-31").cookie(admin))
                .andExpect(content().string(allOf(containsString("Rank in the needs assessment"),
                        containsString("3 / 4"), containsString("Regional needs 1991"), containsString("41.5%"))));
        mvc.perform(get("/admin/outcomes").param("from", "1990-01-01").param("to", "1990-12-31").cookie(admin))
                .andExpect(content().string(containsString("is not in a needs assessment conducted by the end")));
    }
}
