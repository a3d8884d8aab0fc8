package org.imrplatform.progress;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What each signed-in learner has seen and where they left off. A view is committed before the slide is sent, so
 * a place the learner saw is never lost, and any device picks up from it.
 */
@Service
public class LearnerProgress {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    LearnerProgress(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Records that the learner opened the slide: it becomes their place in the course, and it counts as seen.
     * Each statement commits on its own (no surrounding transaction), so a lost race is simply ignored. A first
     * view is announced as {@link SlideSeen}.
     */
    public void slideViewed(long accountId, String courseId, Place place) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int placed = jdbc.sql("update course_place set module_id = ?, slide_id = ?, updated_at = ?"
                        + " where account_id = ? and course_id = ?")
                .params(place.moduleId(), place.slideId(), now, accountId, courseId).update();
        if (placed == 0) {
            insertIgnoringRace("insert into course_place (account_id, course_id, module_id, slide_id, updated_at)"
                    + " values (?, ?, ?, ?, ?)", accountId, courseId, place.moduleId(), place.slideId(), now);
        }
        int seen = insertIgnoringRace("""
                        insert into slide_view (account_id, course_id, module_id, slide_id, first_viewed_at)
                        select ?, ?, ?, ?, ? where not exists (select 1 from slide_view
                            where account_id = ? and course_id = ? and module_id = ? and slide_id = ?)
                        """, accountId, courseId, place.moduleId(), place.slideId(), now,
                accountId, courseId, place.moduleId(), place.slideId());
        if (seen == 1) {
            events.publishEvent(new SlideSeen(accountId, courseId));
        }
    }

    public Optional<Place> place(long accountId, String courseId) {
        return jdbc.sql("select module_id, slide_id from course_place where account_id = ? and course_id = ?")
                .params(accountId, courseId).query((rs, row) -> new Place(rs.getString(1), rs.getString(2)))
                .optional();
    }

    public Set<Place> viewed(long accountId, String courseId) {
        return new HashSet<>(jdbc.sql("select module_id, slide_id from slide_view where account_id = ? and course_id = ?")
                .params(accountId, courseId).query((rs, row) -> new Place(rs.getString(1), rs.getString(2))).list());
    }

    /** Courses the learner has opened, most recent first. */
    public List<String> startedCourses(long accountId) {
        return jdbc.sql("select course_id from course_place where account_id = ? order by updated_at desc")
                .param(accountId).query(String.class).list();
    }

    /** Two tabs of the same learner may record the same fact at once; one row is enough. Returns rows added. */
    private int insertIgnoringRace(String sql, Object... params) {
        try {
            return jdbc.sql(sql).params(params).update();
        } catch (DuplicateKeyException e) {
            return 0;
        }
    }
}
