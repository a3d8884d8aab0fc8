package org.imrplatform.fidelity;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.imrplatform.goals.RecoveryGoals;
import org.imrplatform.participants.Participant;
import org.imrplatform.participants.ParticipantRecords;
import org.imrplatform.practice.ImrGroup;
import org.imrplatform.practice.Programs;
import org.imrplatform.relapse.RelapsePlans;
import org.imrplatform.sessions.GroupSession;
import org.imrplatform.sessions.GroupSessions;
import org.imrplatform.shared.Share;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The IMR Fidelity Scale items that are a share of participants or a count, computed from a program's Practice
 * records for the review period (the six months up to the review day), with the rating the anchors give each. The
 * figures and their cut-points are in docs/fidelity.md; where imr-facts.md marks a cut-point UNCONFIRMED the same
 * 20/40/70/90 % ladder as items 2 and 4 is used, and the report says the figure is a suggestion.
 */
@Service
class ProgramRecords {

    static final String SCALE = "imr-fidelity-scale";
    /** How far back a review looks at the records. */
    static final int PERIOD_MONTHS = 6;
    /** About six months of weekly sessions, allowing for a few missed weeks: the dose item 2 looks for. */
    static final int DOSE_SESSIONS = 20;
    /**
     * The curriculum modules that are the nine topic areas item 3 counts (drug and alcohol use, 6, and healthy
     * lifestyles, 11, came after the scale).
     */
    static final Set<Integer> TOPIC_AREAS = Set.of(1, 2, 3, 4, 5, 7, 8, 9, 10);
    private static final LocalDate BEGINNING = LocalDate.of(1990, 1, 1);

    private final Programs programs;
    private final ParticipantRecords participants;
    private final RecoveryGoals goals;
    private final RelapsePlans plans;
    private final GroupSessions sessions;
    private final MessageSource messages;

    ProgramRecords(Programs programs, ParticipantRecords participants, RecoveryGoals goals, RelapsePlans plans,
            GroupSessions sessions, MessageSource messages) {
        this.programs = programs;
        this.participants = participants;
        this.goals = goals;
        this.plans = plans;
        this.sessions = sessions;
        this.messages = messages;
    }

    /** The figures by item id for a programmatic review on the IMR Fidelity Scale; none for any other review. */
    Map<String, RecordedFigure> of(FidelityReview review, Locale locale) {
        Map<String, RecordedFigure> figures = new HashMap<>();
        if (!SCALE.equals(review.instrumentId()) || review.facilitatorId() != null) {
            return figures;
        }
        LocalDate end = review.reviewedOn();
        LocalDate start = end.minusMonths(PERIOD_MONTHS);
        List<Long> groups = programs.groupsOf(review.programId()).stream().map(ImrGroup::id).toList();
        sessionFigures(figures, groups, start, end, locale);
        List<Participant> served = groups.stream().flatMap(group -> participants.forFigures(group).stream())
                .filter(p -> p.takingPartBetween(start, end))
                .toList();
        if (served.isEmpty()) {
            return figures;
        }
        List<Long> ids = served.stream().map(Participant::id).toList();
        int withGoal = goals.withWrittenGoal(ids, end).size();
        share(figures, "goal-setting", "fidelity.records.goalSetting", withGoal, ids.size(), locale);
        int followedUp = goals.followUps(ids, end.minusMonths(1), end).size();
        share(figures, "goal-follow-up", "fidelity.records.goalFollowUp", followedUp, ids.size(), locale);
        share(figures, "relapse-prevention", "fidelity.records.relapsePlans", plans.withPlanOn(ids, end).size(),
                ids.size(), locale);
        List<Participant> longEnough = served.stream()
                .filter(p -> !p.joinedOn().isAfter(end.minusMonths(PERIOD_MONTHS))).toList();
        if (!longEnough.isEmpty()) {
            long dosed = sessions.attendance(longEnough, BEGINNING, end).values().stream()
                    .filter(a -> a.sessions() >= DOSE_SESSIONS).count();
            share(figures, "program-length", "fidelity.records.programLength", (int) dosed, longEnough.size(),
                    locale);
        }
        return figures;
    }

    /** Group size (the largest session of the period) and the curriculum covered so far. */
    private void sessionFigures(Map<String, RecordedFigure> figures, List<Long> groups, LocalDate start,
            LocalDate end, Locale locale) {
        List<GroupSession> held = groups.stream().flatMap(g -> sessions.held(g, start, end).stream()).toList();
        if (!held.isEmpty()) {
            int largest = held.stream().mapToInt(GroupSession::attendees).max().orElse(0);
            int suggested = largest <= 8 ? 5 : largest <= 10 ? 4 : largest <= 12 ? 3 : largest <= 15 ? 2 : 1;
            figures.put("group-size", new RecordedFigure("group-size", messages.getMessage(
                    "fidelity.records.groupSize", new Object[] {held.size(), PERIOD_MONTHS, largest, suggested},
                    locale), suggested));
        }
        Set<Integer> covered = groups.stream().flatMap(g -> sessions.modulesCovered(g, BEGINNING, end).keySet()
                .stream()).filter(TOPIC_AREAS::contains).collect(Collectors.toSet());
        if (!covered.isEmpty()) {
            int areas = covered.size();
            int suggested = areas >= 8 ? 5 : areas >= 6 ? 4 : areas >= 4 ? 3 : areas >= 2 ? 2 : 1;
            figures.put("curriculum", new RecordedFigure("curriculum", messages.getMessage(
                    "fidelity.records.curriculum", new Object[] {areas, TOPIC_AREAS.size(), suggested}, locale),
                    suggested));
        }
    }

    /** An item whose rating is not the one the records suggest. */
    record Difference(InstrumentItem item, int rating, RecordedFigure figure) {
    }

    /** The rated items whose rating differs from what the records suggest, in the instrument's order. */
    static List<Difference> differences(FeedbackReport report, Map<String, RecordedFigure> figures) {
        Map<String, Integer> ratings = report.review().ratingValues();
        return report.instrument().items().stream()
                .filter(item -> figures.containsKey(item.id()) && ratings.containsKey(item.id())
                        && ratings.get(item.id()) != figures.get(item.id()).suggested())
                .map(item -> new Difference(item, ratings.get(item.id()), figures.get(item.id()))).toList();
    }

    /** The share ladder of items 2 and 4: under 20 %, 20–39, 40–69, 70–89, 90 % and more. */
    static int ladder(long percent) {
        return percent >= 90 ? 5 : percent >= 70 ? 4 : percent >= 40 ? 3 : percent >= 20 ? 2 : 1;
    }

    private void share(Map<String, RecordedFigure> figures, String item, String key, int part, int whole,
            Locale locale) {
        long percent = Share.percent(part, whole);
        int suggested = ladder(percent);
        figures.put(item, new RecordedFigure(item,
                messages.getMessage(key, new Object[] {part, whole, percent, PERIOD_MONTHS, suggested}, locale),
                suggested));
    }
}
