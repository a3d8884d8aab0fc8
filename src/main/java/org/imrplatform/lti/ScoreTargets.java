package org.imrplatform.lti;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The gradebook columns (AGS line items) a linked learner's completion of a course is reported to: every column of
 * every platform they launched the course from (a course placed twice in one learning system has two columns).
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

    /** Keeps the launch's column beside the ones the learner launched the course from before. */
    void keep(long linkId, String courseId, long platformId, String lineitemUrl) {
        try {
            jdbc.sql("""
                            insert into lti_score_column (link_id, course_id, platform_id, lineitem_url)
                            select ?, ?, ?, ? where not exists (select 1 from lti_score_column
                            where link_id = ? and course_id = ? and platform_id = ? and lineitem_url = ?)
                            """)
                    .params(linkId, courseId, platformId, lineitemUrl, linkId, courseId, platformId, lineitemUrl)
                    .update();
        } catch (DuplicateKeyException launchedTwiceAtOnce) {
            // The other launch kept the same column.
        }
    }

    List<ScoreTarget> of(long accountId, String courseId) {
        return jdbc.sql("""
                        select t.platform_id, t.lineitem_url, l.subject from lti_score_column t
                        join lti_link l on l.id = t.link_id where l.account_id = ? and t.course_id = ?
                        order by t.platform_id, t.lineitem_url
                        """)
                .params(accountId, courseId)
                .query((rs, row) -> new ScoreTarget(rs.getLong("platform_id"), rs.getString("lineitem_url"),
                        rs.getString("subject")))
                .list();
    }
}
