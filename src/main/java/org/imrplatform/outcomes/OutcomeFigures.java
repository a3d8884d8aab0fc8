package org.imrplatform.outcomes;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;


import org.imrplatform.course.Course;
import org.imrplatform.course.CourseCatalog;
import org.imrplatform.shared.Share;
import org.imrplatform.shared.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The center's outcome figures for a period and an area of focus, computed from raw records every time (never typed
 * in). Each figure is defined in docs/metrics.md; the queries below are those definitions. They read the views the
 * owning modules publish (docs/architecture.md), never those modules' tables.
 */
@Service
class OutcomeFigures {

    /** Share of respondents who chose 4 or 5, and how many answered the item. */
    record Satisfaction(String item, long agree, long respondents) {

        public long percent() {
            return Share.percent(agree, respondents);
        }
    }

    /** What the figures are asked about: a period (both days included) and an area of focus, null for every area. */
    record Scope(LocalDate from, LocalDate to, String area) {
    }

    record Figures(LocalDate from, LocalDate to, String area, long participants, long enrollments, long completions,
            long events, long products, List<Satisfaction> satisfaction, Map<String, Long> byRegion,
            Map<String, Long> byDiscipline) {

        /** A breakdown's count as a share of the participants engaged. */
        public long share(long people) {
            return Share.percent(people, participants);
        }
    }

    static final List<String> ITEMS = List.of("overall_quality", "recommend", "benefit", "use_in_practice");

    private final JdbcClient jdbc;
    private final CourseCatalog catalog;
    private final boolean postgres;

    OutcomeFigures(JdbcClient jdbc, CourseCatalog catalog, Database database) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.postgres = database.isPostgres();
    }

    @Transactional(readOnly = true)
    Figures of(Scope scope) {
        if (postgres) {
            // Once a statement has run five times on a connection, PostgreSQL may switch to one plan for all dates;
            // for "every year" that plan took 1.4 s where a plan made for the dates took 0.4 s (outcomes-scale.sh).
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        }
        Query query = new Query(scope);
        List<Engaged> engaged = query.engaged();
        return new Figures(scope.from(), scope.to(), scope.area(),
                engaged.stream().mapToLong(Engaged::people).sum(),
                query.enrollments(),
                query.count("select count(*) from completion_records c where c.completed_at >= :start"
                        + " and c.completed_at < :end" + query.courses("c")),
                query.count("select count(*) from events_outreach e where " + query.events("e")),
                query.count("select count(*) from products_catalog p where p.released_on <= :to" + query.area("p")),
                query.satisfaction(), breakdown(engaged, Engaged::region), breakdown(engaged, Engaged::discipline));
    }

    /** How many of the participants engaged gave this region and discipline. */
    private record Engaged(String region, String discipline, long people) {
    }

    /** Participants engaged counted by one of the things people tell about themselves (region or discipline). */
    private static Map<String, Long> breakdown(List<Engaged> engaged, Function<Engaged, String> column) {
        return engaged.stream()
                .collect(Collectors.groupingBy(column, TreeMap::new, Collectors.summingLong(Engaged::people)));
    }

    /** Every area of focus named by an event, a product or a course, each once whatever its spelling's case. */
    List<String> areas() {
        Map<String, String> byKey = new TreeMap<>();
        jdbc.sql("select area from events_outreach union select area from products_catalog").query(String.class).list()
                .forEach(area -> byKey.putIfAbsent(area.toLowerCase(Locale.ROOT), area));
        catalog.courses().stream().map(Course::area).filter(area -> area != null)
                .forEach(area -> byKey.putIfAbsent(area.toLowerCase(Locale.ROOT), area));
        return List.copyOf(byKey.values());
    }

    /** The scope turned into SQL conditions and their named parameters. */
    private final class Query {

        private final Scope scope;
        private final Map<String, Object> params = new HashMap<>();
        private final List<String> courses;

        Query(Scope scope) {
            this.scope = scope;
            params.put("from", scope.from());
            params.put("to", scope.to());
            params.put("start", scope.from().atStartOfDay().atOffset(ZoneOffset.UTC));
            params.put("end", scope.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
            if (scope.area() != null) {
                params.put("area", scope.area().toLowerCase(Locale.ROOT));
            }
            // Courses state their area in their package, not in the database, so the catalog picks them out.
            courses = scope.area() == null ? List.of() : catalog.courses().stream()
                    .filter(c -> scope.area().equalsIgnoreCase(c.area())).map(Course::id).toList();
            params.put("courses", courses);
        }

        /** Events whose first day is in the period, of the area when one is asked for. */
        String events(String alias) {
            return alias + ".starts_on >= :from and " + alias + ".starts_on <= :to"
                    + (scope.area() == null ? "" : " and " + alias + ".area_key = :area");
        }

        /** Products of the area when one is asked for (a short list, compared directly). */
        String area(String alias) {
            return scope.area() == null ? "" : " and lower(" + alias + ".area) = :area";
        }

        /** Records of courses of the area when one is asked for; a course of no stated area belongs to none. */
        String courses(String alias) {
            if (scope.area() == null) {
                return "";
            }
            return courses.isEmpty() ? " and 1 = 0" : " and " + alias + ".course_id in (:courses)";
        }

        /**
         * One row per person engaged in the period, with the region and discipline they gave: the period's
         * attendees (people are told apart by number, not by email text, which was slow at scale), then the
         * period's learners who did not attend. A learner's account wins over an attendance record for the same
         * address: the learner filled it in themselves.
         */
        String people() {
            return """
                    select coalesce(u.region, p.region) as region, coalesce(u.discipline, p.discipline) as discipline
                    from events_people p left join account_people u on u.email_key = p.email_key
                    where p.id in (select a.person_id from events_attendance a
                                   join events_outreach e on e.id = a.event_id where %1$s)
                    union all
                    select u.region, u.discipline from account_people u
                    left join events_people p on p.email_key = u.email_key
                    where u.id in (select v.account_id from progress_first_views v
                                   where v.first_viewed_at >= :start and v.first_viewed_at < :end%2$s)
                    and not exists (select 1 from events_attendance a join events_outreach e on e.id = a.event_id
                                    where a.person_id = p.id and %1$s)
                    """.formatted(events("e"), courses("v"));
        }

        /**
         * The people engaged (see people()) counted by region and discipline: read once, as the participants figure
         * and both breakdowns are sums of these counts.
         */
        List<Engaged> engaged() {
            return jdbc.sql("select region, discipline, count(*) from (" + people() + ") p group by region, discipline")
                    .params(params)
                    .query((rs, row) -> new Engaged(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
        }

        /**
         * Enrollments: learners whose first slide view of a course falls in the period, that is learner and course
         * pairs with a view in the period and none before it (only the period's views are read, not all ever made).
         */
        long enrollments() {
            return count("""
                    select count(*) from (select distinct v.account_id, v.course_id from progress_first_views v
                                          where v.first_viewed_at >= :start and v.first_viewed_at < :end%s) s
                    where not exists (select 1 from progress_first_views earlier
                                      where earlier.account_id = s.account_id and earlier.course_id = s.course_id
                                      and earlier.first_viewed_at < :start)
                    """.formatted(courses("v")));
        }

        /** Course evaluations submitted in the period and survey answers of events starting in it, all four items. */
        List<Satisfaction> satisfaction() {
            String agree = ITEMS.stream()
                    .map(item -> "coalesce(sum(case when " + item + " >= 4 then 1 else 0 end), 0), count(" + item + ")")
                    .collect(Collectors.joining(", "));
            String items = String.join(", ", ITEMS);
            return jdbc.sql("select " + agree + " from ("
                            + " select " + items + " from evaluation_answers c"
                            + " where c.submitted_at >= :start and c.submitted_at < :end" + courses("c")
                            + " union all"
                            + " select " + items + " from events_survey_answers r"
                            + " where r.event_id in (select e.id from events_outreach e where " + events("e") + ")"
                            + ") answers")
                    .params(params)
                    .query((rs, row) -> {
                        List<Satisfaction> all = new ArrayList<>();
                        for (int i = 0; i < ITEMS.size(); i++) {
                            all.add(new Satisfaction(ITEMS.get(i), rs.getLong(2 * i + 1), rs.getLong(2 * i + 2)));
                        }
                        return all;
                    }).single();
        }

        long count(String sql) {
            return jdbc.sql(sql).params(params).query(Long.class).single();
        }
    }
}
