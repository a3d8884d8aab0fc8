package org.imrplatform.imrs;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The rows of imrs_rating and imrs_answer. Callers have opened the participant through ParticipantRecords in the
 * same transaction; nothing here checks who asks.
 */
@Repository
class RatingStore {

    private final JdbcClient jdbc;

    RatingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the rating; false, storing nothing, when the participant already has one of its kind that day. */
    boolean add(ImrsRating rating, long recordedBy, OffsetDateTime at) {
        if (jdbc.sql("select count(*) from imrs_rating where participant_id = ? and kind = ? and rated_on = ?")
                .params(rating.participantId(), rating.kind().name(), rating.ratedOn()).query(Long.class)
                .single() > 0) {
            return false;
        }
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                            insert into imrs_rating (participant_id, kind, scale_id, scale_version, rated_on,
                                                     recorded_by, recorded_at)
                            values (?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(rating.participantId(), rating.kind().name(), rating.scaleId(), rating.scaleVersion(),
                            rating.ratedOn(), recordedBy, at)
                    .update(key, "id");
        } catch (DuplicateKeyException e) {
            // The same form sent twice at once: the unique key lets one through.
            return false;
        }
        long id = key.getKey().longValue();
        for (Answer answer : rating.answers()) {
            jdbc.sql("insert into imrs_answer (rating_id, item, score) values (?, ?, ?)")
                    .params(id, answer.item(), answer.score()).update();
        }
        return true;
    }

    /** The participants' ratings, each participant's oldest first (by day, client before clinician). */
    List<ImrsRating> of(Collection<Long> participantIds) {
        if (participantIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.sql("select id, participant_id, kind, scale_id, scale_version, rated_on from imrs_rating"
                        + " where participant_id in (:ids) order by participant_id, rated_on, kind")
                .param("ids", participantIds)
                .query(rs -> {
                    rows.put(rs.getLong("id"), new Row(rs.getLong("participant_id"),
                            ImrsKind.valueOf(rs.getString("kind")), rs.getString("scale_id"),
                            rs.getInt("scale_version"), rs.getObject("rated_on", LocalDate.class), new ArrayList<>()));
                });
        if (rows.isEmpty()) {
            return List.of();
        }
        jdbc.sql("select rating_id, item, score from imrs_answer where rating_id in (:ids) order by rating_id, item")
                .param("ids", rows.keySet())
                .query(rs -> {
                    rows.get(rs.getLong("rating_id")).answers()
                            .add(new Answer(rs.getInt("item"), rs.getObject("score", Integer.class)));
                });
        return rows.values().stream().map(Row::rating).toList();
    }

    /** A rating's day and score, added up by the database: what the progress of many participants needs. */
    record Scored(long participantId, ImrsKind kind, LocalDate ratedOn, ImrsScore score) {
    }

    /**
     * The participants' ratings with their scores, each participant's oldest first, without reading every answer
     * (a center has hundreds of thousands).
     */
    List<Scored> scored(Collection<Long> participantIds) {
        if (participantIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Scored> ratings = new LinkedHashMap<>();
        jdbc.sql("select id, participant_id, kind, rated_on from imrs_rating where participant_id in (:ids)"
                        + " order by participant_id, rated_on, kind")
                .param("ids", participantIds)
                .query(rs -> {
                    ratings.put(rs.getLong(1), new Scored(rs.getLong(2), ImrsKind.valueOf(rs.getString(3)),
                            rs.getObject(4, LocalDate.class), ImrsScore.of(0, 0, 0)));
                });
        if (ratings.isEmpty()) {
            return List.of();
        }
        // By the ratings' ids, so the answers are found through their key rather than by scanning them all.
        jdbc.sql("""
                        select rating_id, count(score), coalesce(sum(score), 0), count(*) - count(score)
                        from imrs_answer where rating_id in (:ids) group by rating_id
                        """)
                .param("ids", ratings.keySet())
                .query(rs -> {
                    Scored rating = ratings.get(rs.getLong(1));
                    ratings.put(rs.getLong(1), new Scored(rating.participantId(), rating.kind(), rating.ratedOn(),
                            ImrsScore.of(rs.getInt(2), rs.getInt(3), rs.getInt(4))));
                });
        return List.copyOf(ratings.values());
    }

    /** The day of each participant's last rating of each kind; participants never rated are absent. */
    Map<Long, Map<ImrsKind, LocalDate>> lastRatedOn(Collection<Long> participantIds) {
        Map<Long, Map<ImrsKind, LocalDate>> last = new HashMap<>();
        if (participantIds.isEmpty()) {
            return last;
        }
        jdbc.sql("select participant_id, kind, max(rated_on) as last_on from imrs_rating"
                        + " where participant_id in (:ids) group by participant_id, kind")
                .param("ids", participantIds)
                .query(rs -> {
                    last.computeIfAbsent(rs.getLong("participant_id"), id -> new EnumMap<>(ImrsKind.class))
                            .put(ImrsKind.valueOf(rs.getString("kind")), rs.getObject("last_on", LocalDate.class));
                });
        return last;
    }

    /** Deletes every rating of the participant; returns how many. */
    int deleteAll(long participantId) {
        return jdbc.sql("delete from imrs_rating where participant_id = ?").param(participantId).update();
    }

    private record Row(long participantId, ImrsKind kind, String scaleId, int scaleVersion, LocalDate ratedOn,
            List<Answer> answers) {

        ImrsRating rating() {
            return new ImrsRating(participantId, kind, scaleId, scaleVersion, ratedOn, List.copyOf(answers));
        }
    }
}
