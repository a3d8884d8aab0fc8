package org.imrplatform.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/** A session's last activity is written at most once a minute; everything else is saved as it changes. */
@PlatformTest
class SessionActivityTest {

    @Autowired
    FindByIndexNameSessionRepository<?> repository;

    @Autowired
    JdbcClient jdbc;

    private long storedStamp(Session session) {
        return jdbc.sql("select last_access_time from spring_session where session_id = ?").param(session.getId())
                .query(Long.class).single();
    }

    @SuppressWarnings("unchecked")
    @Test
    void aStampLessThanAMinuteNewerIsNotWrittenButAnOlderOneAndAttributesAre() {
        var sessions = (FindByIndexNameSessionRepository<Session>) repository;
        Session created = sessions.createSession();
        sessions.save(created);
        long stored = storedStamp(created);

        Session found = sessions.findById(created.getId());
        found.setLastAccessedTime(Instant.ofEpochMilli(stored).plus(Duration.ofSeconds(59)));
        sessions.save(found);
        assertThat(storedStamp(found)).isEqualTo(stored);

        found = sessions.findById(created.getId());
        found.setLastAccessedTime(Instant.ofEpochMilli(stored).plus(Duration.ofSeconds(30)));
        found.setAttribute("note", "kept");
        sessions.save(found);
        assertThat(storedStamp(found)).isEqualTo(stored);
        assertThat(sessions.findById(created.getId()).<String>getAttribute("note")).isEqualTo("kept");

        found = sessions.findById(created.getId());
        Instant aMinuteLater = Instant.ofEpochMilli(stored).plus(SessionActivity.RESOLUTION);
        found.setLastAccessedTime(aMinuteLater);
        sessions.save(found);
        assertThat(storedStamp(found)).isEqualTo(aMinuteLater.toEpochMilli());
        sessions.deleteById(created.getId());
        assertThat(sessions.findById(created.getId())).isNull();
    }
}
