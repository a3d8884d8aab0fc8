package org.imrplatform.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.UUID;

import org.imrplatform.support.BadInput;
import org.imrplatform.support.PlatformTest;
import org.imrplatform.support.PracticeGroups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A facilitator keeps the participants of the groups they lead, and nobody else's: another facilitator trying a
 * record by its id gets what a record that does not exist gets. Every read and change is in the audit log.
 */
@PlatformTest
class ParticipantsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private PracticeGroups groups;
    private String code;

    @BeforeEach
    void groups() throws Exception {
        groups = PracticeGroups.create(mvc, jdbc);
        code = "P-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private List<String> audit(String publicId) {
        return jdbc.sql("select action || ' ' || what from participant_audit where participant = ? order by id")
                .param(publicId).query(String.class).list();
    }

    @Test
    void aFacilitatorAddsAParticipantUnderACodeAndOnlyTheirGroupsSeeIt() throws Exception {
        String id = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), code);
        assertThat(id).matches("[A-Za-z0-9_-]{22}").doesNotContain(code);

        mvc.perform(get("/practice/participants/" + id).cookie(groups.facilitatorA()))
                .andExpect(content().string(allOf(containsString("Participant " + code),
                        containsString("2025-01-06"), containsString("Taking part"))));
        mvc.perform(get("/practice/groups/" + groups.groupA() + "/participants").cookie(groups.facilitatorA()))
                .andExpect(content().string(containsString(">" + code + "</a>")));

        // Another facilitator of the same program, by id, by group, by form: as if nothing were there.
        mvc.perform(get("/practice/participants/" + id).cookie(groups.facilitatorB()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/practice/groups/" + groups.groupA() + "/participants").cookie(groups.facilitatorB()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/practice/participants/" + id + "/ending").with(csrf()).cookie(groups.facilitatorB())
                .param("status", "LEFT").param("endedOn", "2025-03-01")).andExpect(status().isNotFound());
        mvc.perform(post("/practice/groups/" + groups.groupA() + "/participants").with(csrf())
                        .cookie(groups.facilitatorB()).param("code", "INTRUDER").param("consentOn", "2025-01-06")
                        .param("joinedOn", "2025-01-06"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/practice/groups").cookie(groups.facilitatorB()))
                .andExpect(content().string(not(containsString("/practice/groups/" + groups.groupA() + "/"))));
        mvc.perform(get("/practice/groups").cookie(groups.facilitatorA())).andExpect(content().string(allOf(
                containsString("/practice/groups/" + groups.groupA() + "/"),
                containsString("/practice/groups/" + groups.otherProgramGroup() + "/"),
                not(containsString("/practice/groups/" + groups.groupB() + "/")))));
        assertThat(jdbc.sql("select count(*) from participant where code = 'INTRUDER' and group_id = ?")
                .param(groups.groupA()).query(Long.class).single()).isZero();

        mvc.perform(get("/practice/participants/" + id).cookie(groups.administrator())).andExpect(status().isOk());
        assertThat(audit(id)).containsExactly("CHANGE added", "READ record", "READ roster", "READ record");
    }

    @Test
    void aCodeIsUsedOnceInAProgramWhateverItsCase() throws Exception {
        PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), code);
        mvc.perform(post("/practice/groups/" + groups.groupB() + "/participants").with(csrf())
                        .cookie(groups.facilitatorB()).param("code", code.toLowerCase())
                        .param("consentOn", "2025-01-06").param("joinedOn", "2025-01-06"))
                .andExpect(content().string(containsString(
                        "This program already has a participant with this code. Choose another code.")));
        assertThat(jdbc.sql("select count(*) from participant where program_id = ? and lower(code) = lower(?)")
                .params(groups.programId(), code).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCodeSentTwiceAtTheSameMomentIsStoredOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String sent = i % 2 == 0 ? code : code.toLowerCase();
            answers.add(pool.submit(() -> mvc.perform(post("/practice/groups/" + groups.groupA() + "/participants")
                            .with(csrf()).cookie(groups.facilitatorA()).param("code", sent)
                            .param("consentOn", "2025-01-06").param("joinedOn", "2025-01-06"))
                    .andReturn().getResponse().getStatus()));
        }
        pool.shutdown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        assertThat(statuses).as("one added (redirect), the others told the code is taken (200)")
                .containsOnly(302, 200).filteredOn(s -> s == 302).hasSize(1);
        assertThat(jdbc.sql("select count(*) from participant where program_id = ? and code_key = ?")
                .params(groups.programId(), code.toLowerCase()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void noValueInAnyFieldOrAddressEndsInAServerError() throws Exception {
        String id = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), code);
        Map<String, String> forms = Map.of(
                "/practice/groups/" + groups.groupA() + "/participants", "code initials consentOn joinedOn",
                "/practice/participants/" + id + "/ending", "status endedOn reason",
                "/practice/participants/" + id + "/move", "groupId movedOn",
                "/practice/participants/" + id + "/erasure", "confirmation");
        for (var form : forms.entrySet()) {
            for (String field : form.getValue().split(" ")) {
                for (String value : BadInput.VALUES) {
                    BadInput.send(mvc, post(form.getKey()).with(csrf()).cookie(groups.facilitatorA())
                            .param("code", "OK-1").param("consentOn", "2025-01-06").param("joinedOn", "2025-01-06")
                            .param("status", "LEFT").param("endedOn", "2025-02-01").param("groupId", "1")
                            .param("movedOn", "2025-02-01").param(field, value),
                            form.getKey() + " " + field + "=" + BadInput.printable(value));
                }
            }
        }
        for (String segment : BadInput.PATH_SEGMENTS) {
            for (String path : List.of("/practice/participants/" + segment,
                    "/practice/participants/" + segment + "/record.json",
                    "/practice/groups/" + segment + "/participants")) {
                assertThat(BadInput.send(mvc, get(path).cookie(groups.facilitatorA()), path).getStatus())
                        .as(path).isIn(400, 404);
            }
        }
        assertThat(jdbc.sql("select count(*) from participant where public_id = ?").param(id).query(Long.class)
                .single()).as("the participant was never erased by a bad confirmation").isEqualTo(1);
    }

    @Test
    void badInputIsToldByTheFieldAndNothingIsStored() throws Exception {
        String tomorrow = LocalDate.now().plusDays(2).toString();
        mvc.perform(post("/practice/groups/" + groups.groupA() + "/participants").with(csrf())
                        .cookie(groups.facilitatorA()).param("code", "=HYPERLINK(\"x\")").param("initials", "J.D.")
                        .param("consentOn", tomorrow).param("joinedOn", "0202-01-01"))
                .andExpect(content().string(allOf(
                        containsString("Use letters, digits, spaces, dots, dashes or underscores in the code"),
                        containsString("Use letters only for the initials"),
                        containsString("Enter a day that is today or earlier."),
                        containsString("href=\"#joinedOn\""))));
        mvc.perform(post("/practice/groups/" + groups.groupA() + "/participants").with(csrf())
                        .cookie(groups.facilitatorA()).param("code", " ").param("consentOn", "")
                        .param("joinedOn", "2025-01-06"))
                .andExpect(content().string(allOf(containsString("Enter the code your program uses"),
                        containsString("Enter the day the person consented to take part."))));
        assertThat(jdbc.sql("select count(*) from participant where group_id = ?").param(groups.groupA())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aParticipantMovesOnlyToAnotherGroupOfTheProgramThatTheFacilitatorLeads() throws Exception {
        String id = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), code);
        // Group B is led by someone else; the other program's group is the facilitator's but not this program's.
        for (long group : List.of(groups.groupB(), groups.otherProgramGroup(), 999_999_999L)) {
            mvc.perform(post("/practice/participants/" + id + "/move").with(csrf()).cookie(groups.facilitatorA())
                            .param("groupId", String.valueOf(group)).param("movedOn", "2025-02-03"))
                    .andExpect(content().string(containsString("Choose one of the groups offered")));
        }
        assertThat(jdbc.sql("select group_id from participant where public_id = ?").param(id).query(Long.class)
                .single()).isEqualTo(groups.groupA());

        mvc.perform(post("/practice/participants/" + id + "/move").with(csrf()).cookie(groups.administrator())
                        .param("groupId", String.valueOf(groups.groupB())).param("movedOn", "2025-02-03"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/practice/participants/" + id).cookie(groups.facilitatorA())).andExpect(status().isNotFound());
        mvc.perform(get("/practice/participants/" + id).cookie(groups.facilitatorB())).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from participant_move m join participant p on p.id = m.participant_id"
                        + " where p.public_id = ? and m.from_group_id = ? and m.to_group_id = ?")
                .params(id, groups.groupA(), groups.groupB()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aParticipantWhoLeavesKeepsTheDayAndTheReason() throws Exception {
        String id = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), code);
        mvc.perform(post("/practice/participants/" + id + "/ending").with(csrf()).cookie(groups.facilitatorA())
                        .param("status", "LEFT").param("endedOn", "2024-12-01").param("reason", "Moved away"))
                .andExpect(content().string(containsString(
                        "Enter a day on or after the day the participant joined.")));
        mvc.perform(post("/practice/participants/" + id + "/ending").with(csrf()).cookie(groups.facilitatorA())
                        .param("status", "ACTIVE").param("endedOn", "2025-03-01"))
                .andExpect(content().string(containsString("Choose whether the participant finished or left.")));
        mvc.perform(post("/practice/participants/" + id + "/ending").with(csrf()).cookie(groups.facilitatorA())
                        .param("status", "LEFT").param("endedOn", "2025-03-01").param("reason", "Moved away"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/practice/participants/" + id).cookie(groups.facilitatorA()))
                .andExpect(content().string(allOf(containsString("Left the program"), containsString("2025-03-01"),
                        containsString("Moved away"))));
    }
}
