package org.imrplatform.imrs;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.imrplatform.participants.Participant;
import org.imrplatform.participants.ParticipantErased;
import org.imrplatform.participants.ParticipantStatus;
import org.imrplatform.participants.RecordPart;
import org.imrplatform.support.BadInput;
import org.imrplatform.support.PlatformTest;
import org.imrplatform.support.PracticeGroups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A facilitator records client self-ratings and clinician ratings of the participants of the groups they lead,
 * reads them over time and sees who is due; nobody else reaches them, and bad or replayed forms store nothing.
 */
@PlatformTest
class ImrsRatingsTest {

    /** Hand-computed: 56 / 15 = 3.73. */
    private static final List<String> FULL = List.of("4", "3", "5", "2", "4", "3", "3", "4", "5", "5", "4", "2", "3",
            "4", "5");
    /** Hand-computed: items 1 to 12 sum to 44, 13 to 15 not applicable: 44 / 12 = 3.67. */
    private static final List<String> NOT_APPLICABLE = List.of("4", "3", "5", "2", "4", "3", "3", "4", "5", "5", "4",
            "2", "na", "na", "na");
    /** Nine scored, the rest unanswered: no mean. */
    private static final List<String> TOO_FEW = List.of("5", "5", "5", "5", "5", "5", "5", "5", "5", "", "", "", "",
            "", "");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImrsRatings ratings;

    @Autowired
    RecordPart imrsRecordPart;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    private PracticeGroups groups;
    private String code;

    @BeforeEach
    void groups() throws Exception {
        groups = PracticeGroups.create(mvc, jdbc);
        code = "R-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static MockHttpServletRequestBuilder rating(String publicId, Cookie person, String kind, String day,
            List<String> answers) {
        MockHttpServletRequestBuilder request = post("/practice/participants/" + publicId + "/imrs").with(csrf())
                .cookie(person).param("kind", kind).param("ratedOn", day);
        for (int i = 0; i < answers.size(); i++) {
            request.param("answer[" + (i + 1) + "]", answers.get(i));
        }
        return request;
    }

    private long stored(String publicId) {
        return jdbc.sql("select count(*) from imrs_rating r join participant p on p.id = r.participant_id"
                + " where p.public_id = ?").param(publicId).query(Long.class).single();
    }

    private long participantId(String publicId) {
        return jdbc.sql("select id from participant where public_id = ?").param(publicId).query(Long.class).single();
    }

    @Test
    void aFacilitatorRecordsBothKindsAndReadsThemOverTimeItemByItem() throws Exception {
        String id = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), code);
        mvc.perform(get("/practice/groups/" + groups.groupA() + "/imrs").cookie(groups.facilitatorA()))
                .andExpect(content().string(allOf(containsString(">" + code + "</a>"), containsString("Never rated"),
                        containsString("Overdue: due since 2025-01-06"),
                        containsString("Due or overdue now: 1 client self-rating and 1 clinician rating."))));
        mvc.perform(get("/practice/participants/" + id + "/imrs").cookie(groups.facilitatorA()))
                .andExpect(content().string(allOf(containsString("No rating recorded yet."),
                        containsString("IMR Scale, client self-rating"),
                        containsString("5 — I have reached my goal, or I am close to finishing it."),
                        containsString("Not applicable: No medication is prescribed to me for my mental health."))));

        mvc.perform(rating(id, groups.facilitatorA(), "CLIENT", "2025-01-06", FULL))
                .andExpect(redirectedUrl("/practice/participants/" + id + "/imrs?recorded=CLIENT"));
        mvc.perform(rating(id, groups.facilitatorA(), "CLINICIAN", "2025-01-06", NOT_APPLICABLE))
                .andExpect(status().is3xxRedirection());
        mvc.perform(rating(id, groups.facilitatorA(), "CLIENT", "2025-04-07", TOO_FEW))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/practice/participants/" + id + "/imrs").cookie(groups.facilitatorA()))
                .andExpect(content().string(allOf(containsString("<td>3.73</td>"), containsString("<td>3.67</td>"),
                        containsString("No mean (too few items scored)"), containsString("<td>Not applicable</td>"),
                        containsString("<td>Not answered</td>"), containsString("Last rated on 2025-04-07"),
                        containsString("Overdue: due since 2025-07-07"), containsString("Last rated on 2025-01-06"),
                        containsString("id=\"answer-1-none\" checked"), not(containsString("-4\" checked")))));
        mvc.perform(get("/practice/participants/" + id + "/imrs").param("kind", "CLINICIAN").locale(
                        Locale.forLanguageTag("es")).cookie(groups.facilitatorA()))
                .andExpect(content().string(containsString("Escala IMR, evaluación del profesional")));

        assertThat(jdbc.sql("select action || ' ' || what from participant_audit where participant = ?"
                + " and what like 'imrs%'").param(id).query(String.class).list())
                .contains("READ imrs", "CHANGE imrs", "READ imrs due");
    }

    @Test
    void otherModulesReadTheFirstAndLatestMeanAndTheChange() throws Exception {
        String id = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), code);
        mvc.perform(rating(id, groups.facilitatorA(), "CLIENT", "2025-01-06", NOT_APPLICABLE));
        mvc.perform(rating(id, groups.facilitatorA(), "CLIENT", "2025-02-06", TOO_FEW));
        mvc.perform(rating(id, groups.facilitatorA(), "CLIENT", "2025-04-07", FULL));
        long participant = participantId(id);
        List<ImrsProgress> progress = transactions.execute(tx -> ratings.progress(List.of(
                new Participant(participant, id, groups.programId(), groups.groupA(),
                        code, null, LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 6),
                        ParticipantStatus.ACTIVE, null, null))));
        assertThat(progress).hasSize(2);
        ImrsProgress client = progress.get(0);
        assertThat(client.kind()).isEqualTo(ImrsKind.CLIENT);
        assertThat(client.ratings()).isEqualTo(3);
        assertThat(client.first().mean()).isEqualByComparingTo("3.67");
        assertThat(client.latest().mean()).isEqualByComparingTo("3.73");
        assertThat(client.change()).isEqualByComparingTo("0.06");
        assertThat(progress.get(1).ratings()).isZero();
        assertThat(progress.get(1).due().owed()).isTrue();
    }

    @Test
    void aReplayedFormIsStoredOnce() throws Exception {
        String id = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), code);
        mvc.perform(rating(id, groups.facilitatorA(), "CLIENT", "2025-02-03", FULL))
                .andExpect(status().is3xxRedirection());
        mvc.perform(rating(id, groups.facilitatorA(), "CLIENT", "2025-02-03", FULL))
                .andExpect(content().string(containsString(
                        "A rating of this kind is already recorded for this participant on this day.")));
        assertThat(stored(id)).isEqualTo(1);
        // The other kind on the same day is another rating.
        mvc.perform(rating(id, groups.facilitatorA(), "CLINICIAN", "2025-02-03", FULL))
                .andExpect(status().is3xxRedirection());
        assertThat(stored(id)).isEqualTo(2);
    }

    @Test
    void nobodyElseReachesAParticipantsRatings() throws Exception {
        String id = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), code);
        String othersId = PracticeGroups.addParticipant(mvc, groups.facilitatorB(), groups.groupB(), code + "B");
        mvc.perform(rating(id, groups.facilitatorA(), "CLIENT", "2025-02-03", FULL));

        mvc.perform(get("/practice/participants/" + id + "/imrs").cookie(groups.facilitatorB()))
                .andExpect(status().isNotFound());
        mvc.perform(rating(id, groups.facilitatorB(), "CLINICIAN", "2025-02-03", FULL))
                .andExpect(status().isNotFound());
        mvc.perform(get("/practice/groups/" + groups.groupA() + "/imrs").cookie(groups.facilitatorB()))
                .andExpect(status().isNotFound());
        // A record that exists, in a group of the same program that A does not lead.
        mvc.perform(get("/practice/participants/" + othersId + "/imrs").cookie(groups.facilitatorA()))
                .andExpect(status().isNotFound());
        mvc.perform(rating(othersId, groups.facilitatorA(), "CLIENT", "2025-02-03", FULL))
                .andExpect(status().isNotFound());
        assertThat(stored(id)).isEqualTo(1);
        assertThat(stored(othersId)).isZero();
        mvc.perform(get("/practice/groups/" + groups.groupB() + "/imrs").cookie(groups.facilitatorB()))
                .andExpect(content().string(not(containsString(">" + code + "</a>"))));

        mvc.perform(get("/practice/participants/" + id + "/imrs").cookie(groups.administrator()))
                .andExpect(content().string(containsString("<td>3.73</td>")));
        for (String segment : BadInput.PATH_SEGMENTS) {
            BadInput.send(mvc, get("/practice/participants/" + segment + "/imrs").cookie(groups.facilitatorA()),
                    segment);
        }
    }

    @Test
    void badInputIsToldByTheFieldAndNothingIsStored() throws Exception {
        String id = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), code);
        List<String> forged = new ArrayList<>(FULL);
        forged.set(0, "6");
        forged.set(1, "na");
        forged.set(2, "x".repeat(5000));
        forged.set(3, "4\u0000");
        String tomorrow = LocalDate.now().plusDays(1).toString();
        mvc.perform(rating(id, groups.facilitatorA(), "CLIENT", tomorrow, forged).param("answer[99]", "3"))
                .andExpect(content().string(allOf(
                        containsString("Item 1: choose one of the answers offered, from 1 to 5."),
                        containsString("Item 2 cannot be marked not applicable."),
                        containsString("Item 3: choose one of the answers offered"),
                        containsString("This is not one of the choices."),
                        containsString("The form named an item the scale does not have."),
                        containsString("Enter a day that is today or earlier."),
                        containsString("href=\"#answer[1]\""))));
        mvc.perform(rating(id, groups.facilitatorA(), "CLINICIAN", "2024-12-31", FULL))
                .andExpect(content().string(
                        containsString("Enter a day on or after the day the participant joined.")));
        mvc.perform(rating(id, groups.facilitatorA(), "NOPE", "2025-02-03", FULL))
                .andExpect(content().string(containsString("This is not one of the choices.")));
        mvc.perform(rating(id, groups.facilitatorA(), "CLIENT", "0202-02-03", List.of("", "")))
                .andExpect(content().string(allOf(containsString("Enter a date between 1990-01-01 and 2100-12-31."),
                        containsString("Answer at least one item."))));
        mvc.perform(rating(id, groups.facilitatorA(), "CLIENT", "", FULL))
                .andExpect(content().string(containsString("Enter the day of the rating.")));
        for (String value : BadInput.VALUES) {
            BadInput.send(mvc, rating(id, groups.facilitatorA(), value, value, List.of(value, value)),
                    BadInput.printable(value));
        }
        assertThat(stored(id)).isZero();
    }

    @Test
    void theExportHoldsTheRatingsAndAnErasureDeletesThem() throws Exception {
        String id = PracticeGroups.addParticipant(mvc, groups.facilitatorA(), groups.groupA(), code);
        mvc.perform(rating(id, groups.facilitatorA(), "CLINICIAN", "2025-01-06", NOT_APPLICABLE));
        Participant participant = new Participant(participantId(id), id, groups.programId(),
                groups.groupA(), code, null, LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 6),
                ParticipantStatus.ACTIVE, null, null);
        assertThat(imrsRecordPart.headingKey()).isEqualTo("imrs.record.heading");
        assertThat(imrsRecordPart.entries(participant)).containsExactly(new RecordPart.Entry("imrs.kind.CLINICIAN",
                LocalDate.of(2025, 1, 6), "Mean 3.67 (12 items scored); items 1-15: 4 3 5 2 4 3 3 4 5 5 4 2 n/a n/a"
                        + " n/a; imrs-clinician version 1"));

        transactions.executeWithoutResult(tx -> events.publishEvent(
                new ParticipantErased(participantId(id), groups.groupA())));
        assertThat(stored(id)).isZero();
        assertThat(jdbc.sql("select count(*) from imrs_answer a where not exists"
                + " (select 1 from imrs_rating r where r.id = a.rating_id)").query(Long.class).single()).isZero();
    }
}
