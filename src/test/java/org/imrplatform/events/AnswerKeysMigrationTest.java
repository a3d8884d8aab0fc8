package org.imrplatform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V33 gives anonymous survey responses imported before it the keys their export gives them now, so importing that
 * export again finds them. Run on a database stopped before it (at V28, the last migration sure to come before it)
 * and then brought up to date.
 */
class AnswerKeysMigrationTest {

    @Test
    void anonymousResponsesImportedBeforeGetTheKeysTheirExportGivesNow() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:answer-keys-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).target("28").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        jdbc.sql("insert into outreach_event (title, kind, starts_on, ends_on, area, area_key, format, audience,"
                + " region, created_at) values ('E', 'WEBINAR', date '2025-01-01', date '2025-01-01', 'IMR', 'imr', 'ONLINE',"
                + " 'All', 'NY', ?)").param(OffsetDateTime.now()).update();
        long event = jdbc.sql("select id from outreach_event").query(Long.class).single();
        // As the old import stored them: the file's checksum and row, the same answers twice.
        answered(jdbc, event, "anonymous:0123456789abcdef:2", 5, null, "Good\r\npace");
        answered(jdbc, event, "anonymous:0123456789abcdef:3", 5, null, "Good\r\npace");
        answered(jdbc, event, "anonymous:0123456789abcdef:4", 2, 3, null);
        answered(jdbc, event, "ana@example.org", 4, 4, null);

        Flyway.configure().dataSource(database).load().migrate();

        SurveyFile export = SurveyFile.read(("email,overall_quality,recommend,benefit,use_in_practice,comments\n"
                + ",5,,,,\"Good\npace\"\n,2,3,,,\n,5,,,,\"Good\npace\"\nana@example.org,4,4,,,\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(jdbc.sql("select response_key from event_survey_response where event_id = ?").param(event)
                .query(String.class).set())
                .containsExactlyInAnyOrderElementsOf(export.entries().stream().map(SurveyFile.Response::key).toList())
                .contains("ana@example.org");
    }

    private static void answered(JdbcClient jdbc, long event, String key, Integer quality, Integer recommend,
            String comments) {
        jdbc.sql("insert into event_survey_response (event_id, response_key, overall_quality, recommend, comments,"
                        + " imported_at) values (?, ?, ?, ?, ?, ?)")
                .params(event, key, quality, recommend, comments, OffsetDateTime.now()).update();
    }
}
