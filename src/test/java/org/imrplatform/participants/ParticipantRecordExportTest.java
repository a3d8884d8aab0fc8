package org.imrplatform.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.imrplatform.support.PlatformTest;
import org.imrplatform.support.PracticeGroups;
import org.imrplatform.support.PrintedPdf;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A participant's whole record leaves only for the people who keep it, and is erased whole on request. */
@PlatformTest
class ParticipantRecordExportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private PracticeGroups groups;
    private String code;
    private String id;

    @BeforeEach
    void participant() throws Exception {
        groups = PracticeGroups.create(mvc, jdbc);
        code = "X-" + UUID.randomUUID().toString().substring(0, 6);
        id = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), code);
    }

    @Test
    void theRecordIsExportedAsJsonAndAsATaggedPdfInTheParticipantsLanguage() throws Exception {
        mvc.perform(get("/practice/participants/" + id + "/record.json").cookie(groups.facilitatorA()))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.joinedOn").value("2025-01-06"))
                .andExpect(jsonPath("$.status").value("Taking part"))
                .andExpect(jsonPath("$.parts").isArray());

        byte[] pdf = mvc.perform(get("/practice/participants/" + id + "/record.pdf").param("lang", "es")
                        .cookie(groups.facilitatorA()))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsByteArray();
        PrintedPdf printed = PrintedPdf.read(pdf).assertAccessible("es", "Expediente del participante " + code);
        assertThat(printed.text()).contains("Participa", "2025-01-06", code);

        mvc.perform(get("/practice/participants/" + id + "/record.json").cookie(groups.facilitatorB()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/practice/participants/" + id + "/record.pdf").cookie(groups.facilitatorB()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from participant_audit where participant = ? and what = 'export'")
                .param(id).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void erasureNeedsTheCodeTypedAndLeavesOnlyACount() throws Exception {
        mvc.perform(post("/practice/participants/" + id + "/erasure").with(csrf()).cookie(groups.facilitatorB())
                .param("confirmation", code)).andExpect(status().isNotFound());
        mvc.perform(post("/practice/participants/" + id + "/erasure").with(csrf()).cookie(groups.facilitatorA())
                        .param("confirmation", "someone else"))
                .andExpect(content().string(containsString("The code typed is not this participant")));
        assertThat(jdbc.sql("select count(*) from participant where public_id = ?").param(id).query(Long.class)
                .single()).isEqualTo(1);

        mvc.perform(post("/practice/participants/" + id + "/erasure").with(csrf()).cookie(groups.facilitatorA())
                        .param("confirmation", " " + code.toLowerCase() + " "))
                .andExpect(redirectedUrl("/practice/groups/" + groups.groupA() + "/participants?erased"));

        assertThat(jdbc.sql("select count(*) from participant where public_id = ?").param(id).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from participant_erasure where group_id = ?").param(groups.groupA())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select action || ' ' || what from participant_audit where participant = ?"
                + " order by id desc limit 1").param(id).query(String.class).single()).isEqualTo("CHANGE erased");
        mvc.perform(get("/practice/participants/" + id).cookie(groups.facilitatorA())).andExpect(status().isNotFound());
        // The same form sent again finds nothing to erase.
        mvc.perform(post("/practice/participants/" + id + "/erasure").with(csrf()).cookie(groups.facilitatorA())
                .param("confirmation", code)).andExpect(status().isNotFound());
    }
}
