package org.imrplatform.lti;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The gradebook columns (AGS line items) a linked learner's completion of a course is reported to: one per course
 * and platform, the latest launch's.
 */
@Repository
class ScoreTargets {

    /** Where to send a learner's score: the platform, the column, and who they are there. */
    record ScoreTarget(long platformId, String lineitemUrl, String subject) {
    }

    private final JdbcClient jdbc;

    ScoreTargets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void keep(long linkId, String courseId, long platformId, String lineitemUrl) {
        int changed = jdbc.sql("update lti_score_target set lineitem_url = ?"
                        + " where link_id = ? and course_id = ? and platform_id = ?")
                .params(lineitemUrl, linkId, courseId, platformId).update();
        if (changed == 0) {
            try {
                jdbc.sql("insert into lti_score_target (link_id, course_id, platform_id, lineitem_url)"
                                + " values (?, ?, ?, ?)")
                        .params(linkId, courseId, platformId, lineitemUrl).update();
            } catch (DuplicateKeyException launchedTwiceAtOnce) {
                // The other launch kept the same column.
            }
        }
    }

    List<ScoreTarget> of(long accountId, String courseId) {
        return jdbc.sql("""
                        select t.platform_id, t.lineitem_url, l.subject from lti_score_target t
                        join lti_link l on l.id = t.link_id where l.account_id = ? and t.course_id = ?
                        order by t.platform_id
                        """)
                .params(accountId, courseId)
                .query((rs, row) -> new ScoreTarget(rs.getLong("platform_id"), rs.getString("lineitem_url"),
                        rs.getString("subject")))
                .list();
    }
}
