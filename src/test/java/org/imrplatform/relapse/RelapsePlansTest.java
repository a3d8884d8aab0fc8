package org.imrplatform.relapse;

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

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.imrplatform.participants.Participant;
import org.imrplatform.participants.ParticipantErased;
import org.imrplatform.participants.RecordPart;
import org.imrplatform.support.BadInput;
import org.imrplatform.support.PlatformTest;
import org.imrplatform.support.PracticeGroups;
import org.imrplatform.support.PrintedPdf;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A facilitator writes a participant's relapse prevention plan with them; each change is a new version and the
 * earlier ones stay readable. Nobody else's facilitator reaches it, a form sent twice is stored once, and bad input
 * is told on its field with nothing stored.
 */
@PlatformTest
class RelapsePlansTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RelapsePlans plans;

    @Autowired
    List<RecordPart> recordParts;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private PracticeGroups groups;
    private String code;
    private String id;
    private LocalDate today;

    @BeforeEach
    void participant() throws Exception {
        groups = PracticeGroups.create(mvc, jdbc);
        code = "R-" + UUID.randomUUID().toString().substring(0, 6);
        id = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), code);
        today = LocalDate.now(ZoneOffset.UTC);
    }

    private String plan(String publicId) {
        return "/practice/participants/" + publicId + "/plan";
    }

    /**
     * A good plan (two triggers, two signs, one action, a supporter, reviewed in three months) written on the given
     * version, with the fields given as name, value pairs sent instead.
     */
    private MockHttpServletRequestBuilder save(Cookie person, String publicId, int basedOn, String... instead) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("triggers", "Poor sleep\nArguments at home");
        fields.put("warningSigns", "Sleeping less than five hours\n\n  Not wanting to see friends  ");
        fields.put("copingStrategies", "A walk after lunch");
        fields.put("actions", "Call my case manager the same day");
        fields.put("supporters", "My sister Ana, by phone in the evening");
        fields.put("reviewOn", today.plusMonths(3).toString());
        fields.put("basedOn", String.valueOf(basedOn));
        for (int i = 0; i < instead.length; i += 2) {
            fields.put(instead[i], instead[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(plan(publicId)).with(csrf()).cookie(person);
        fields.forEach(request::param);
        return request;
    }

    private long versions(String publicId) {
        return jdbc.sql("select count(*) from relapse_plan_version v join participant p on p.id = v.participant_id"
                + " where p.public_id = ?").param(publicId).query(Long.class).single();
    }

    private long participantId(String publicId) {
        return jdbc.sql("select id from participant where public_id = ?").param(publicId).query(Long.class).single();
    }

    private List<String> audit(String publicId) {
        return jdbc.sql("select action || ' ' || what from participant_audit where participant = ? order by id")
                .param(publicId).query(String.class).list();
    }

    @Test
    void eachSaveIsANewVersionAndEarlierOnesStayReadable() throws Exception {
        mvc.perform(get(plan(id)).cookie(groups.facilitatorA()))
                .andExpect(content().string(allOf(containsString("Relapse prevention plan of " + code),
                        containsString("No plan has been written with this participant yet"),
                        containsString("Write the plan"))));

        mvc.perform(save(groups.facilitatorA(), id, 0)).andExpect(redirectedUrl(plan(id) + "?saved"));
        mvc.perform(get(plan(id) + "?saved").cookie(groups.facilitatorA()))
                .andExpect(content().string(allOf(containsString("Saved as version 1."),
                        containsString("<li>Not wanting to see friends</li>"),
                        containsString("<li>My sister Ana, by phone in the evening</li>"),
                        containsString("To be reviewed on " + today.plusMonths(3)),
                        containsString("Saved on " + today + " by Ana Facilitator."),
                        containsString("Write a new version"),
                        // The form starts from the current plan, one item per line.
                        containsString("Sleeping less than five hours\nNot wanting to see friends</textarea>"),
                        containsString("name=\"basedOn\" value=\"1\""))));

        mvc.perform(save(groups.administrator(), id, 1, "actions", "Call my case manager the same day\n"
                + "Keep to my sleep routine")).andExpect(redirectedUrl(plan(id) + "?saved"));
        mvc.perform(get(plan(id)).cookie(groups.facilitatorA()))
                .andExpect(content().string(allOf(containsString("<li>Keep to my sleep routine</li>"),
                        containsString("Version 2, written on " + today),
                        containsString(">Version 1</a>"), containsString(">Version 2</a>"))));
        mvc.perform(get(plan(id) + "/versions/1").cookie(groups.facilitatorA()))
                .andExpect(content().string(allOf(containsString("Version 1 of the relapse prevention plan of "),
                        containsString("This is an earlier version, kept as it was saved; it cannot be changed."
                                + " The current plan is version 2."),
                        not(containsString("Keep to my sleep routine")), not(containsString("<form method=\"post\"")))));
        assertThat(versions(id)).isEqualTo(2);
        assertThat(audit(id)).containsSubsequence("READ plan", "CHANGE plan", "READ plan", "READ plan",
                "CHANGE plan", "READ plan", "READ plan version");
    }

    @Test
    void theSameFormSentTwiceOrAfterANewerVersionStoresNothing() throws Exception {
        mvc.perform(save(groups.facilitatorA(), id, 0)).andExpect(redirectedUrl(plan(id) + "?saved"));
        mvc.perform(save(groups.facilitatorA(), id, 0)).andExpect(redirectedUrl(plan(id) + "?unchanged"));
        // Saving the current plan unchanged from its own form stores nothing either.
        mvc.perform(save(groups.facilitatorA(), id, 1)).andExpect(redirectedUrl(plan(id) + "?unchanged"));
        mvc.perform(get(plan(id) + "?unchanged").cookie(groups.facilitatorA())).andExpect(content().string(
                containsString("Nothing was different from the current version, so no new version was saved.")));
        assertThat(versions(id)).isEqualTo(1);

        // A form opened on version 1, with other text, sent after someone saved version 2: told, not stored.
        mvc.perform(save(groups.administrator(), id, 1, "copingStrategies", "Music"))
                .andExpect(redirectedUrl(plan(id) + "?saved"));
        mvc.perform(save(groups.facilitatorA(), id, 1, "copingStrategies", "Breathing exercise"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("The plan changed while you were writing"),
                        containsString("Breathing exercise</textarea>"), containsString("<li>Music</li>"),
                        containsString("name=\"basedOn\" value=\"2\""))));
        assertThat(versions(id)).isEqualTo(2);
    }

    @Test
    void onlyTheFacilitatorsOfTheGroupAndAdministratorsReachThePlan() throws Exception {
        mvc.perform(save(groups.facilitatorA(), id, 0)).andExpect(status().is3xxRedirection());
        String theirs = PracticeGroups.addParticipant(mvc, groups.facilitatorB(), groups.groupB(), code + "-B");

        // Facilitator B, by the public id of A's participant: as if nothing were there, and nothing changes.
        mvc.perform(get(plan(id)).cookie(groups.facilitatorB())).andExpect(status().isNotFound());
        mvc.perform(get(plan(id) + "/versions/1").cookie(groups.facilitatorB())).andExpect(status().isNotFound());
        mvc.perform(get(plan(id) + ".pdf?language=en").cookie(groups.facilitatorB()))
                .andExpect(status().isNotFound());
        mvc.perform(save(groups.facilitatorB(), id, 1, "actions", "Intruder"))
                .andExpect(status().isNotFound());
        mvc.perform(save(groups.facilitatorB(), id, 1, "actions", "")).andExpect(status().isNotFound());
        // Facilitator A, by the id of a participant who exists but in B's group.
        mvc.perform(get(plan(theirs)).cookie(groups.facilitatorA())).andExpect(status().isNotFound());
        mvc.perform(save(groups.facilitatorA(), theirs, 0)).andExpect(status().isNotFound());
        assertThat(versions(id)).isEqualTo(1);
        assertThat(versions(theirs)).isZero();

        // Version numbers belong to their participant: B's participant has no version 1, whatever A's has.
        mvc.perform(get(plan(theirs) + "/versions/1").cookie(groups.facilitatorB())).andExpect(status().isNotFound());
        mvc.perform(get(plan(id) + "/versions/2").cookie(groups.facilitatorA())).andExpect(status().isNotFound());
        for (String number : List.of("0", "-1", "abc", "99999999999999999999")) {
            BadInput.send(mvc, get(plan(id) + "/versions/" + number).cookie(groups.facilitatorA()), number);
        }
        mvc.perform(get(plan(id)).cookie(groups.administrator())).andExpect(status().isOk());
        assertThat(audit(id)).doesNotContain("CHANGE plan version");
    }

    @Test
    void anEmptyOrOversizedPlanIsToldByTheFieldAndNothingIsStored() throws Exception {
        mvc.perform(post(plan(id)).with(csrf()).cookie(groups.facilitatorA()).param("triggers", " \n ")
                        .param("warningSigns", "\n\n").param("actions", "").param("reviewOn", "")
                        .param("basedOn", "0"))
                .andExpect(content().string(allOf(
                        containsString("Write at least one early warning sign, one per line."),
                        containsString("Write at least one thing the participant will do when a warning sign"
                                + " appears."),
                        containsString("Enter the day the plan will be reviewed."),
                        containsString("href=\"#warningSigns\""), containsString("aria-invalid=\"true\""))));

        String eleven = String.join("\n", java.util.Collections.nCopies(11, "Sign"));
        mvc.perform(save(groups.facilitatorA(), id, 0, "warningSigns", eleven,
                        "supporters", "x".repeat(201), "reviewOn", today.minusDays(1).toString()))
                .andExpect(content().string(allOf(
                        containsString("Write at most 10 items in this list, one per line."),
                        containsString("Keep each line to 200 characters or fewer."),
                        containsString("Enter a review day that is today or later."),
                        containsString("Sign\nSign"))));
        mvc.perform(save(groups.facilitatorA(), id, 0, "reviewOn", today.plusDays(367).toString()))
                .andExpect(content().string(containsString("Enter a review day within a year from today")));
        mvc.perform(save(groups.facilitatorA(), id, 0, "reviewOn", "9999-12-31"))
                .andExpect(content().string(containsString("Enter a date between 1990-01-01 and 2100-12-31.")));
        mvc.perform(save(groups.facilitatorA(), id, 0, "actions", "Call\u0001 her"))
                .andExpect(content().string(containsString("This text holds a control character")));
        mvc.perform(save(groups.facilitatorA(), id, 0, "reviewOn", "next week"))
                .andExpect(content().string(containsString("Enter the date as year-month-day")));
        for (String field : List.of("triggers", "warningSigns", "copingStrategies", "actions", "supporters",
                "reviewOn", "basedOn")) {
            for (String value : BadInput.VALUES) {
                BadInput.send(mvc, save(groups.facilitatorA(), id, 0, field, value),
                        field + "=" + BadInput.printable(value));
            }
        }
        // The first good form of the loop (no triggers) was saved; every later one was a problem, or was written
        // on no plan after version 1 existed.
        assertThat(versions(id)).isEqualTo(1);
        assertThat(jdbc.sql("select triggers || '|' || warning_signs from relapse_plan_version where participant_id = ?")
                .param(participantId(id)).query(String.class).single())
                .isEqualTo("|Sleeping less than five hours\nNot wanting to see friends");
    }

    @Test
    void aPassedReviewDayIsHighlightedAndLeftForTheFacilitatorToSet() throws Exception {
        mvc.perform(save(groups.facilitatorA(), id, 0)).andExpect(status().is3xxRedirection());
        jdbc.sql("update relapse_plan_version set review_on = ? where participant_id = ?")
                .params(today.minusDays(3), participantId(id)).update();
        mvc.perform(get(plan(id)).cookie(groups.facilitatorA()))
                .andExpect(content().string(allOf(containsString("notice--due"),
                        containsString("The review day, " + today.minusDays(3) + ", has passed."),
                        containsString("name=\"reviewOn\" value=\"\""))));
        assertThat(plans.dates(participantId(id))).hasValueSatisfying(dates -> {
            assertThat(dates.reviewDue(today)).isTrue();
            assertThat(dates.versions()).isEqualTo(1);
            assertThat(dates.lastChangedOn()).isEqualTo(today);
        });
    }

    @Test
    void thePlanPrintsForTheParticipantInTheLanguageChosenWithTheirCodeOnly() throws Exception {
        mvc.perform(get(plan(id) + ".pdf?language=en").cookie(groups.facilitatorA())).andExpect(status().isNotFound());
        String withInitials = mvc.perform(post("/practice/groups/" + groups.groupA() + "/participants").with(csrf())
                        .cookie(groups.facilitatorA()).param("code", code + "-I").param("initials", "JQ")
                        .param("consentOn", "2025-01-06").param("joinedOn", "2025-01-06"))
                .andReturn().getResponse().getRedirectedUrl().split("/")[3].split("\\?")[0];
        mvc.perform(save(groups.facilitatorA(), withInitials, 0)).andExpect(status().is3xxRedirection());

        // The facilitator's pages in English, the printout in Spanish.
        byte[] spanish = mvc.perform(get(plan(withInitials) + ".pdf").param("language", "es")
                        .cookie(groups.facilitatorA()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", "attachment; filename=\"relapse-prevention-plan.pdf\""))
                .andReturn().getResponse().getContentAsByteArray();
        PrintedPdf printed = PrintedPdf.read(spanish)
                .assertAccessible("es", "Plan de prevención de recaídas · " + code + "-I");
        assertThat(printed.text()).contains("Mi plan de prevención de recaídas", "Código del participante: "
                        + code + "-I", "Versión 1, escrita el " + today, "Mis señales de alerta temprana",
                "Not wanting to see friends", "My sister Ana, by phone in the evening")
                .doesNotContain("JQ");
        assertThat(printed.structure()).contains("H1", "H2", "L", "LI");

        byte[] english = mvc.perform(get(plan(withInitials) + ".pdf?language=en&lang=es")
                .cookie(groups.facilitatorA())).andReturn().getResponse().getContentAsByteArray();
        assertThat(PrintedPdf.read(english).assertAccessible("en", "Relapse prevention plan · " + code + "-I").text())
                .contains("My early warning signs", "What I will do when I notice a warning sign");

        for (String language : List.of("fr", "", "EN", "es-PR", "<script>")) {
            mvc.perform(get(plan(withInitials) + ".pdf").param("language", language).cookie(groups.facilitatorA()))
                    .andExpect(status().isBadRequest());
        }
        assertThat(audit(withInitials)).contains("READ plan printed");
    }

    @Test
    void otherModulesSeeDatesAndCountsAndTheRecordPartAndErasureCoverEveryVersion() throws Exception {
        long participant = participantId(id);
        assertThat(plans.hadPlanOn(participant, today)).isFalse();
        assertThat(plans.dates(participant)).isEmpty();
        mvc.perform(save(groups.facilitatorA(), id, 0)).andExpect(status().is3xxRedirection());
        mvc.perform(save(groups.facilitatorA(), id, 1, "copingStrategies", "Music"))
                .andExpect(status().is3xxRedirection());

        assertThat(plans.hadPlanOn(participant, today)).isTrue();
        assertThat(plans.hadPlanOn(participant, today.minusDays(1))).isFalse();
        String other = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), code + "-2");
        assertThat(plans.withPlanOn(List.of(participant, participantId(other), 999_999_999L), today))
                .isEqualTo(Set.of(participant));
        assertThat(plans.dates(participant)).contains(new PlanDates(today, today, today.plusMonths(3), 2));

        Participant record = new Participant(participant, id, groups.programId(), groups.groupA(), code, null,
                LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 6), null, null, null);
        RecordPart part = recordParts.stream().filter(PlanRecordPart.class::isInstance).findFirst().orElseThrow();
        assertThat(part.headingKey()).isEqualTo("relapse.title");
        assertThat(part.entries(record)).extracting(RecordPart.Entry::labelKey, RecordPart.Entry::text)
                .contains(org.assertj.core.groups.Tuple.tuple("relapse.copingStrategies", "Music"),
                        org.assertj.core.groups.Tuple.tuple("relapse.warningSigns",
                                "Sleeping less than five hours\nNot wanting to see friends"),
                        org.assertj.core.groups.Tuple.tuple("relapse.export.earlierVersions", "1"));
        assertThat(plans.current(record)).hasValueSatisfying(version -> assertThat(version.number()).isEqualTo(2));

        transactions.executeWithoutResult(tx -> events.publishEvent(new ParticipantErased(participant,
                groups.groupA())));
        assertThat(versions(id)).isZero();
        assertThat(part.entries(record)).isEmpty();
    }
}
