package org.imrplatform.voices;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import org.imrplatform.support.Learners;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Comments as the evaluation and events modules store them, written straight into their tables: a submitted course
 * evaluation of the test course (area "Illness Management and Recovery") and survey answers of an event of an area
 * of this test's own.
 */
final class FieldRecords {

    static final String COURSE_AREA = "Illness Management and Recovery";

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    FieldRecords(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    /** A new learner's submitted evaluation of the test course with this comment; returns the comment's name. */
    String evaluation(String comment, LocalDate submittedOn) throws Exception {
        String email = Learners.email("v" + UUID.randomUUID().toString().substring(0, 8));
        Learners.register(mvc, email, "Rosa Writer");
        long account = jdbc.sql("select id from account where email_key = ?").param(email.toLowerCase(Locale.ROOT))
                .query(Long.class).single();
        OffsetDateTime at = submittedOn.atTime(12, 0).atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into course_evaluation (account_id, course_id, overall_quality, comments, updated_at,
                                                       submitted_at) values (?, 'test-course', 5, ?, ?, ?)
                        """).params(account, comment, at, at).update();
        return "evaluation-" + jdbc.sql("select id from course_evaluation where account_id = ?").param(account)
                .query(Long.class).single();
    }

    /** A new event of the area, starting on the day; returns its id. */
    long event(String area, LocalDate startsOn) {
        jdbc.sql("""
                        insert into outreach_event (title, kind, starts_on, ends_on, area, area_key, format, audience,
                                                    region, created_at)
                        values (?, 'WEBINAR', ?, ?, ?, ?, 'ONLINE', 'Practitioners', 'NJ', ?)
                        """)
                .params("Webinar " + UUID.randomUUID(), startsOn, startsOn, area, area.toLowerCase(Locale.ROOT),
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return jdbc.sql("select max(id) from outreach_event where area = ?").param(area).query(Long.class).single();
    }

    /** A named respondent's survey answer with this comment; returns the comment's name. */
    String survey(long event, String comment) {
        String key = "respondent-" + UUID.randomUUID() + "@example.org";
        jdbc.sql("""
                        insert into event_survey_response (event_id, response_key, overall_quality, comments,
                                                           imported_at) values (?, ?, 4, ?, ?)
                        """).params(event, key, comment, OffsetDateTime.now(ZoneOffset.UTC)).update();
        return "survey-" + jdbc.sql("select id from event_survey_response where event_id = ? and response_key = ?")
                .params(event, key).query(Long.class).single();
    }
}
