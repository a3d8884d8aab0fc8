package org.imrplatform.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.PlatformTest;
import org.imrplatform.support.PracticeGroups;
import org.imrplatform.support.PrintedPdf;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A facilitator prints a participant's own workbook in English or Spanish, whatever language they read the site in:
 * the cover with the participant's code only, the home assignment of the group's latest session, the goal tracking
 * sheet and the relapse prevention plan, as one tagged PDF. Nobody else gets it, and every print is in the audit log.
 */
@PlatformTest
class WorkbookTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private PracticeGroups groups;
    private String code;
    private String id;
    private LocalDate today;

    @BeforeEach
    void participant() throws Exception {
        groups = PracticeGroups.create(mvc, jdbc);
        code = "W-" + UUID.randomUUID().toString().substring(0, 6);
        // Initials the program keeps, which no printout for the participant shows.
        id = mvc.perform(post("/practice/groups/" + groups.groupA() + "/participants").with(csrf())
                        .cookie(groups.facilitatorA()).param("code", code).param("initials", "QZX")
                        .param("consentOn", "2025-01-06").param("joinedOn", "2025-01-06"))
                .andReturn().getResponse().getRedirectedUrl().replaceAll(".*/participants/([^?]+).*", "$1");
        today = LocalDate.now(ZoneOffset.UTC);
    }

    private MockHttpServletRequestBuilder workbook(String publicId, Cookie... cookies) {
        return get("/practice/participants/" + publicId + "/workbook.pdf").cookie(cookies);
    }

    private PrintedPdf printed(String language, String siteLanguage) throws Exception {
        byte[] pdf = mvc.perform(workbook(id, groups.facilitatorA(), new Cookie("imr-lang", siteLanguage))
                        .param("language", language))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getHeader("Content-Disposition"))
                        .isEqualTo("attachment; filename=\"workbook.pdf\""))
                .andExpect(result -> assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store"))
                .andReturn().getResponse().getContentAsByteArray();
        return PrintedPdf.read(pdf);
    }

    private void session(String day, int module, String homeAssignment) throws Exception {
        mvc.perform(post("/practice/groups/" + groups.groupA() + "/sessions").with(csrf())
                        .cookie(groups.facilitatorA()).param("heldOn", day).param("minutes", "90")
                        .param("module", String.valueOf(module)).param("topic", "A topic")
                        .param("parts", "GOAL_FOLLOW_UP", "NEW_MATERIAL").param("homeAssignment", homeAssignment)
                        .param("attendees", id))
                .andExpect(status().is3xxRedirection());
    }

    private List<String> audit(String publicId) {
        return jdbc.sql("select account_id || ' ' || action || ' ' || what from participant_audit"
                        + " where participant = ? order by id")
                .param(publicId).query(String.class).list();
    }

    @Test
    void beforeAnySessionGoalOrPlanTheWorkbookSaysSoPlainlyInEnglish() throws Exception {
        PrintedPdf pdf = printed("en", "es").assertAccessible("en", "My IMR workbook: " + code);

        assertThat(pdf.text()).contains("Participant code " + code + ", printed on " + today,
                        "This week's home assignment",
                        "Your group has not held a session yet, so there is no home assignment.",
                        "My goal tracking sheet", "No recovery goal is written yet.", "My relapse prevention plan",
                        "No relapse prevention plan is written yet.", "Page 1 of 3", "Page 3 of 3")
                .doesNotContain("QZX", "Cuaderno");
        assertThat(pdf.pages()).isEqualTo(3);
        assertThat(pdf.structure()).contains("H1", "H2", "P");
        assertThat(audit(id)).last().isEqualTo(groups.facilitatorAId() + " READ workbook");
    }

    @Test
    void theWorkbookPrintsTheLatestHomeAssignmentTheGoalSheetAndThePlanInSpanish() throws Exception {
        session("2025-01-13", 1, "Write down what recovery means to you");
        session("2025-01-20", 3, "Notice one stressful moment each day\nand what helped");
        mvc.perform(post("/practice/participants/" + id + "/goals").with(csrf()).cookie(groups.facilitatorA())
                        .param("goalText", "Find a part-time job").param("lifeArea", "WORK_SCHOOL")
                        .param("setOn", "2025-01-13"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/practice/participants/" + id + "/plan").with(csrf()).cookie(groups.facilitatorA())
                        .param("triggers", "Poor sleep").param("warningSigns", "Not wanting to see friends")
                        .param("copingStrategies", "A walk after lunch")
                        .param("actions", "Call my case manager the same day")
                        .param("supporters", "My sister, by phone").param("reviewOn", today.plusMonths(3).toString())
                        .param("basedOn", "0"))
                .andExpect(status().is3xxRedirection());

        PrintedPdf spanish = printed("es", "en").assertAccessible("es", "Mi cuaderno de trabajo de IMR: " + code);
        assertThat(spanish.text()).contains("C\u00f3digo del participante " + code + ", impreso el " + today,
                        "La asignaci\u00f3n para el hogar de esta semana",
                        "Asignada en la sesi\u00f3n del grupo del 2025-01-20, m\u00f3dulo 3: El modelo de estr\u00e9s"
                                + " y vulnerabilidad",
                        "Notice one stressful moment each day and what helped",
                        "Mi hoja de seguimiento de metas", "Find a part-time job", "Trabajo o estudios",
                        "Mi plan de prevenci\u00f3n de reca\u00eddas", "Not wanting to see friends",
                        "Call my case manager the same day", "P\u00e1gina 1 de 3")
                .doesNotContain("QZX", "Write down what recovery means", "My IMR workbook",
                        "Todav\u00eda no hay un plan");
        assertThat(spanish.structure()).contains("H1", "H2", "L", "LI");

        PrintedPdf english = printed("en", "es");
        assertThat(english.text()).contains("Given at the group session of 2025-01-20, module 3: The"
                        + " Stress-Vulnerability Model", "Life area", "Work or school", "My early warning signs")
                .doesNotContain("QZX", "Asignada");
    }

    @Test
    void aLatestSessionWithoutHomeAssignmentIsSaidPlainlyNotReplacedByAnEarlierOne() throws Exception {
        session("2025-01-13", 1, "Write down what recovery means to you");
        session("2025-01-20", 2, "");

        assertThat(printed("en", "en").text()).contains(
                        "Given at the group session of 2025-01-20, module 2: Practical Facts about Mental Illness",
                        "No home assignment was given at that session.")
                .doesNotContain("Write down what recovery means");
    }

    @Test
    void onlyTheGroupsFacilitatorsAndAdministratorsGetTheWorkbookAndEachPrintIsAudited() throws Exception {
        String theirs = PracticeGroups.addParticipant(mvc, groups.facilitatorB(), groups.groupB(), code + "B");
        List<String> before = audit(id);

        mvc.perform(workbook(id, groups.facilitatorB()).param("language", "en")).andExpect(status().isNotFound());
        mvc.perform(workbook(theirs, groups.facilitatorA()).param("language", "en")).andExpect(status().isNotFound());
        mvc.perform(workbook("AAAAAAAAAAAAAAAAAAAAAA", groups.facilitatorA()).param("language", "en"))
                .andExpect(status().isNotFound());
        assertThat(audit(id)).isEqualTo(before);
        assertThat(audit(theirs)).noneMatch(entry -> entry.endsWith("workbook"));

        mvc.perform(workbook(id, groups.facilitatorA()).param("language", "fr")).andExpect(status().isBadRequest());
        mvc.perform(workbook(id, groups.administrator()).param("language", "es")).andExpect(status().isOk());
        assertThat(audit(id)).hasSize(before.size() + 1).last().asString().endsWith(" READ workbook");

        // Without a language, the one the facilitator reads the site in.
        byte[] pdf = mvc.perform(workbook(id, groups.facilitatorA(), new Cookie("imr-lang", "es")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(PrintedPdf.read(pdf).language()).isEqualTo("es");
    }

    @Test
    void theRecordPageLinksToTheWorkbookInBothLanguages() throws Exception {
        String page = mvc.perform(get("/practice/participants/" + id).cookie(groups.facilitatorA()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(
                "href=\"/practice/participants/" + id + "/workbook.pdf?language=en\">Workbook for the participant in"
                        + " English (PDF)</a>",
                "href=\"/practice/participants/" + id + "/workbook.pdf?language=es\">Workbook for the participant in"
                        + " Spanish (PDF)</a>");
    }
}
