package org.imrplatform.outcomes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The center's outcome figures for a period, computed from raw records every time (never typed in). Each figure is
 * defined in docs/metrics.md; the queries below are those definitions.
 */
@Service
class OutcomeFigures {

    /** Share of respondents who chose 4 or 5, and how many answered the item. */
    record Satisfaction(String item, long agree, long respondents) {

        public long percent() {
            return respondents == 0 ? 0 : Math.round(100.0 * agree / respondents);
        }
    }

    record Figures(LocalDate from, LocalDate to, long participants, long enrollments, long completions, long events,
            long products, List<Satisfaction> satisfaction, Map<String, Long> byRegion, Map<String, Long> byDiscipline) {
    }

    private static final List<String> ITEMS = List.of("overall_quality", "recommend", "benefit", "use_in_practice");

    private final JdbcClient jdbc;

    OutcomeFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Figures between(LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        return new Figures(from, to, participants(from, to, start, end), enrollments(start, end),
                count("select count(*) from course_completion where completed_at >= ? and completed_at < ?", start, end),
                count("select count(*) from outreach_event where starts_on >= ? and starts_on <= ?", from, to),
                count("select count(*) from product where released_on <= ?", to),
                ITEMS.stream().map(item -> satisfaction(item, from, to, start, end)).toList(),
                breakdown("region", from, to, start, end), breakdown("discipline", from, to, start, end));
    }

    /** People engaged: event attendees and course learners in the period, one per email address. */
    private long participants(LocalDate from, LocalDate to, OffsetDateTime start, OffsetDateTime end) {
        return count("select count(*) from (" + people() + ") p", from, to, start, end);
    }

    /** Participants engaged counted by one of the things people tell about themselves (region or discipline). */
    private Map<String, Long> breakdown(String column, LocalDate from, LocalDate to, OffsetDateTime start,
            OffsetDateTime end) {
        return jdbc.sql("select " + column + ", count(*) from (" + people() + ") p group by " + column)
                .params(from, to, start, end)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue,
                        (a, b) -> a, TreeMap::new));
    }

    /**
     * One row per email address engaged in the period, with the region and discipline the person gave. A
     * learner's account wins over an attendance record for the same address: the learner filled it in themselves.
     */
    private static String people() {
        return """
                select p.email_key, coalesce(u.region, p.region) as region,
                       coalesce(u.discipline, p.discipline) as discipline from (
                    select email_key, min(region) as region, min(discipline) as discipline from (
                        select a.email_key, a.region, a.discipline from event_attendance a
                        join outreach_event e on e.id = a.event_id
                        where e.starts_on >= ? and e.starts_on <= ?
                        union all
                        select u.email_key, u.region, u.discipline from account u
                        where u.id in (select v.account_id from slide_view v
                                       where v.first_viewed_at >= ? and v.first_viewed_at < ?)
                    ) engaged group by email_key
                ) p left join account u on u.email_key = p.email_key
                """;
    }

    /** Enrollments: learners whose first slide view of a course falls in the period. */
    private long enrollments(OffsetDateTime start, OffsetDateTime end) {
        return count("""
                select count(*) from (select account_id, course_id, min(first_viewed_at) as started
                                      from slide_view group by account_id, course_id) s
                where s.started >= ? and s.started < ?
                """, start, end);
    }

    /** Course evaluations submitted in the period and survey answers of events starting in it, together. */
    private Satisfaction satisfaction(String item, LocalDate from, LocalDate to, OffsetDateTime start,
            OffsetDateTime end) {
        return jdbc.sql("select coalesce(sum(case when v >= 4 then 1 else 0 end), 0), count(v) from ("
                        + " select " + item + " as v from course_evaluation where submitted_at >= ? and submitted_at < ?"
                        + " union all"
                        + " select r." + item + " from event_survey_response r join outreach_event e on e.id = r.event_id"
                        + " where e.starts_on >= ? and e.starts_on <= ?) answers")
                .params(start, end, from, to)
                .query((rs, row) -> new Satisfaction(item, rs.getLong(1), rs.getLong(2))).single();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
