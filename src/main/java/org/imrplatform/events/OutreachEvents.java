package org.imrplatform.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.imrplatform.account.Region;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Events, their attendance and their survey responses. */
@Repository
class OutreachEvents {

    private static final String COLUMNS = """
            e.id, e.title, e.kind, e.starts_on, e.ends_on, e.area, e.format, e.audience, e.region,
            (select count(*) from event_attendance a where a.event_id = e.id) as attendees
            """;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher changes;

    OutreachEvents(JdbcClient jdbc, ApplicationEventPublisher changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    long create(EventForm form) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into outreach_event (title, kind, starts_on, ends_on, area, area_key, format, audience,
                                                    region, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(form.title().trim(), form.kind().name(), form.startsOn(), form.endsOn(), form.area().trim(),
                        form.area().trim().toLowerCase(Locale.ROOT), form.format().name(), form.audience().trim(), form.region().name(),
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update(key, "id");
        changes.publishEvent(new EventsChanged(form.area().trim()));
        return key.getKeyAs(Number.class).longValue();
    }

    List<OutreachEvent> all() {
        return jdbc.sql("select " + COLUMNS + " from outreach_event e order by e.starts_on desc, e.id desc")
                .query(this::event).list();
    }

    Optional<OutreachEvent> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from outreach_event e where e.id = ?").param(id)
                .query(this::event).optional();
    }

    /** The keys of what is already recorded for the event: attendees' emails or survey responses' keys. */
    Set<String> keys(long eventId, EventImport kind) {
        return jdbc.sql("select " + kind.keyColumn + " from " + kind.table + " where event_id = ?").param(eventId)
                .query(String.class).list().stream().collect(Collectors.toSet());
    }

    /** Adds the entries not yet recorded for the event, all in one transaction; returns how many were added. */
    @Transactional
    int record(long eventId, EventImport kind, List<? extends EventFile.Entry> entries) {
        Set<String> known = keys(eventId, kind);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int added = 0;
        for (EventFile.Entry entry : entries) {
            if (known.add(entry.key())) {
                insert(eventId, entry, now);
                added++;
            }
        }
        if (added > 0) {
            changes.publishEvent(new EventsChanged(
                    jdbc.sql("select area from outreach_event where id = ?").param(eventId).query(String.class).single()));
        }
        return added;
    }

    private void insert(long eventId, EventFile.Entry entry, OffsetDateTime now) {
        switch (entry) {
            case AttendanceFile.Attendee a -> jdbc.sql("""
                            insert into event_attendance (event_id, person_id, email_key, full_name, discipline,
                                                          organization, region, imported_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(eventId, person(a), a.key(), a.fullName(), a.discipline().name(), a.organization(),
                            a.region().name(), now)
                    .update();
            case SurveyFile.Response r -> jdbc.sql("""
                            insert into event_survey_response (event_id, response_key, overall_quality, recommend,
                                                               benefit, use_in_practice, comments, imported_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(eventId, r.key(), r.ratings().get(0), r.ratings().get(1), r.ratings().get(2),
                            r.ratings().get(3), r.comments(), now)
                    .update();
        }
    }

    /** The attendee's number among everyone who ever attended, given on their first attendance. */
    private long person(AttendanceFile.Attendee attendee) {
        return jdbc.sql("select id from engaged_person where email_key = ?").param(attendee.key()).query(Long.class)
                .optional().orElseGet(() -> {
                    KeyHolder key = new GeneratedKeyHolder();
                    jdbc.sql("insert into engaged_person (email_key, region, discipline) values (?, ?, ?)")
                            .params(attendee.key(), attendee.region().name(), attendee.discipline().name())
                            .update(key, "id");
                    return key.getKeyAs(Long.class);
                });
    }

    private OutreachEvent event(ResultSet rs, int row) throws SQLException {
        return new OutreachEvent(rs.getLong("id"), rs.getString("title"), EventKind.valueOf(rs.getString("kind")),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getString("area"), EventFormat.valueOf(rs.getString("format")), rs.getString("audience"),
                Region.valueOf(rs.getString("region")), rs.getInt("attendees"));
    }
}
