package org.imrplatform.progress;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What each signed-in learner has seen and where they left off. A view is committed before the slide is sent, so
 * a place the learner saw is never lost, and any device picks up from it.
 */
@Service
public class LearnerProgress {

    private final JdbcClient jdbc;
    private final SlideViews views;

    LearnerProgress(JdbcClient jdbc, SlideViews views) {
        this.jdbc = jdbc;
        this.views = views;
    }

    /**
     * Records that the learner opened the slide: it becomes their place in the course, and it counts as seen.
     * Returns once that is committed (see {@link SlideViews}). A first view is announced as {@link SlideSeen}.
     */
    public void slideViewed(long accountId, String courseId, Place place) {
        views.record(accountId, courseId, place);
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

    /** How many of the course's slides the learner has seen, in any of its versions. */
    public int seenCount(long accountId, String courseId) {
        return jdbc.sql("select count(*) from slide_view where account_id = ? and course_id = ?")
                .params(accountId, courseId).query(Integer.class).single();
    }

    /** Courses the learner has opened, most recent first. */
    public List<String> startedCourses(long accountId) {
        return jdbc.sql("select course_id from course_place where account_id = ? order by updated_at desc")
                .param(accountId).query(String.class).list();
    }
}
