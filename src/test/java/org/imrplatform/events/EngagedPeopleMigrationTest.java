package org.imrplatform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V23 numbers the people of attendance recorded before it: each address once, with the alphabetically first of its
 * records' regions, and every attendance row pointing at its person. Run on a database stopped at V22 and then brought up to date.
 */
class EngagedPeopleMigrationTest {

    @Test
    void attendanceRecordedBeforeTheMigrationGetsItsPeople() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:migration-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).target("22").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        for (int event = 1; event <= 2; event++) {
            jdbc.sql("insert into outreach_event (title, kind, starts_on, ends_on, area, format, audience, region,"
                            + " created_at) values ('E', 'WEBINAR', date '2025-01-0" + event + "',"
                            + " date '2025-01-0" + event + "', 'IMR', 'ONLINE', 'All', 'NY', ?)")
                    .param(OffsetDateTime.now()).update();
        }
        List<Long> events = jdbc.sql("select id from outreach_event order by id").query(Long.class).list();
        attended(jdbc, events.get(0), "ana@example.org", "PR");
        attended(jdbc, events.get(1), "ana@example.org", "NJ");
        attended(jdbc, events.get(1), "ben@example.org", "NY");

        Flyway.configure().dataSource(database).load().migrate();

        assertThat(jdbc.sql("select email_key || ' ' || region from engaged_person order by email_key")
                .query(String.class).list()).containsExactly("ana@example.org NJ", "ben@example.org NY");
        assertThat(jdbc.sql("select count(*) from event_attendance a join engaged_person p on p.id = a.person_id"
                + " where p.email_key = a.email_key").query(Long.class).single()).isEqualTo(3);
    }

    private static void attended(JdbcClient jdbc, long event, String email, String region) {
        jdbc.sql("insert into event_attendance (event_id, email_key, full_name, discipline, organization, region,"
                        + " imported_at) values (?, ?, 'Someone', 'NURSE', 'Org', ?, ?)")
                .params(event, email, region, OffsetDateTime.now()).update();
    }
}
