package org.imrplatform.voices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The public API: only the comments chosen, in the language chosen, for the area asked (any case). */
@PlatformTest
class VoicesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Voices voices;

    @Autowired
    Publications publications;

    private long admin() {
        return jdbc.sql("select id from account where email_key = 'admin@example.org'").query(Long.class).single();
    }

    @Test
    void onlyTheChosenCommentsInTheirLanguageNewestFirst() throws Exception {
        FieldRecords records = new FieldRecords(mvc, jdbc);
        String area = "Voices API " + UUID.randomUUID();
        long event = records.event(area, LocalDate.of(2026, 2, 3));
        String first = records.survey(event, "Clear and practical");
        String second = records.survey(event, "Muy útil para mi trabajo");
        String third = records.survey(event, "Loved the examples");
        records.survey(event, "Not chosen");

        publications.publish(CommentRef.parse(first).orElseThrow(), "en", admin());
        publications.publish(CommentRef.parse(second).orElseThrow(), "es", admin());
        publications.publish(CommentRef.parse(third).orElseThrow(), "en", admin());

        assertThat(voices.published(area.toUpperCase(), "en")).containsExactly(new Voice("Loved the examples"),
                new Voice("Clear and practical"));
        assertThat(voices.published(area, "es")).containsExactly(new Voice("Muy útil para mi trabajo"));
        assertThat(voices.published("Another area " + UUID.randomUUID(), "en")).isEmpty();
        assertThat(voices.published(area, "fr")).isEmpty();

        publications.unpublish(CommentRef.parse(third).orElseThrow(), admin());
        assertThat(voices.published(area, "en")).containsExactly(new Voice("Clear and practical"));
    }

    @Test
    void anEvaluationCommentBelongsToItsCoursesArea() throws Exception {
        String marker = UUID.randomUUID().toString();
        String comment = new FieldRecords(mvc, jdbc).evaluation("Excelente curso " + marker, LocalDate.of(2026, 1, 5));
        publications.publish(CommentRef.parse(comment).orElseThrow(), "es", admin());

        List<Voice> spanish = voices.published(FieldRecords.COURSE_AREA.toLowerCase(), "es");
        assertThat(spanish).contains(new Voice("Excelente curso " + marker));
        assertThat(voices.published(FieldRecords.COURSE_AREA, "en")).doesNotContain(new Voice("Excelente curso " + marker));
    }
}
