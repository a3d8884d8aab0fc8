package org.imrplatform.fidelity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored reviews and their ratings. Changes to a review are made only while it is a draft: every update is
 * conditioned on its status in the same statement, so a review submitted meanwhile (on another node too) stays
 * as it was submitted. Each change writes its audit entry in its own transaction.
 */
@Repository
class FidelityReviews {

    private static final String COLUMNS = "id, instrument_id, instrument_version, program_id, group_id, facilitator_id,"
            + " session_mode, reviewed_on, sources, status, revision, revision_of, submitted_at";
    /** Submitted reviews that no submitted revision has replaced: the ones that count over time. */
    static final String CURRENT = "status = 'SUBMITTED' and not exists (select 1 from fidelity_review r"
            + " where r.revision_of = fidelity_review.id and r.status = 'SUBMITTED')";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    FidelityReviews(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The subject of a new review: for programmatic instruments the group, facilitator and mode are null. */
    record Subject(long programId, Long groupId, Long facilitatorId, SessionMode sessionMode, LocalDate reviewedOn) {
    }

    @Transactional
    long create(Instrument instrument, Subject subject, long accountId) {
        long id = insert(instrument.id(), instrument.version(), subject, Set.of(), 1, null, accountId);
        audit.record(accountId, AuditLog.Action.CREATED, id);
        return id;
    }

    Optional<FidelityReview> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from fidelity_review where id = ?").param(id).query(this::review)
                .optional();
    }

    List<FidelityReview> all() {
        return list("1 = 1");
    }

    /** Reviews, newest first; {@code where} is a condition on fidelity_review with its parameters. */
    List<FidelityReview> list(String where, Object... params) {
        return jdbc.sql("select " + COLUMNS + " from fidelity_review where " + where
                + " order by reviewed_on desc, id desc").params(params).query(this::review).list();
    }

    /**
     * Saves a draft's answers and, when {@code submit}, submits it in the same transaction; false when the review
     * is no longer a draft. The status check and change are one statement, whose row lock makes a second concurrent
     * save wait and then find the review submitted.
     */
    @Transactional
    boolean save(long id, Set<EvidenceSource> sources, Map<String, ItemRating> ratings, long accountId,
            boolean submit) {
        if (jdbc.sql("update fidelity_review set sources = ?, status = ?, submitted_by = ?, submitted_at = ?"
                        + " where id = ? and status = 'DRAFT'")
                .params(sourcesText(sources), submit ? "SUBMITTED" : "DRAFT", submit ? accountId : null,
                        submit ? OffsetDateTime.now(ZoneOffset.UTC) : null, id)
                .update() == 0) {
            return false;
        }
        jdbc.sql("delete from fidelity_rating where review_id = ?").param(id).update();
        insertRatings(id, ratings);
        audit.record(accountId, submit ? AuditLog.Action.SUBMITTED : AuditLog.Action.SAVED, id);
        return true;
    }

    /**
     * The revision of a submitted review: the existing one, or a new draft copied from it. Two revising at once:
     * the unique key on revision_of refuses the second (DuplicateKeyException); asking again finds the first.
     */
    @Transactional
    long revise(FidelityReview review, long accountId) {
        Optional<Long> existing = jdbc.sql("select id from fidelity_review where revision_of = ?").param(review.id())
                .query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = insert(review.instrumentId(), review.instrumentVersion(), new Subject(review.programId(),
                        review.groupId(), review.facilitatorId(), review.sessionMode(), review.reviewedOn()),
                review.sources(), review.revision() + 1, review.id(), accountId);
        insertRatings(id, review.ratings());
        audit.record(accountId, AuditLog.Action.REVISED, id);
        return id;
    }

    /** The reviews this one revises, newest first. */
    List<FidelityReview> earlierRevisions(FidelityReview review) {
        List<FidelityReview> earlier = new ArrayList<>();
        Long previous = review.revisionOf();
        while (previous != null) {
            FidelityReview found = find(previous).orElseThrow();
            earlier.add(found);
            previous = found.revisionOf();
        }
        return earlier;
    }

    private long insert(String instrumentId, int version, Subject subject, Set<EvidenceSource> sources, int revision,
            Long revisionOf, long accountId) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into fidelity_review (instrument_id, instrument_version, program_id, group_id,
                            facilitator_id, session_mode, reviewed_on, sources, status, revision, revision_of,
                            created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?)
                        """)
                .params(instrumentId, version, subject.programId(), subject.groupId(), subject.facilitatorId(),
                        subject.sessionMode() == null ? null : subject.sessionMode().name(), subject.reviewedOn(),
                        sourcesText(sources), revision, revisionOf, accountId, OffsetDateTime.now(ZoneOffset.UTC))
                .update(key, "id");
        return key.getKey().longValue();
    }

    private void insertRatings(long reviewId, Map<String, ItemRating> ratings) {
        ratings.forEach((item, answer) -> jdbc.sql("insert into fidelity_rating (review_id, item_id, rating,"
                        + " not_applicable, notes) values (?, ?, ?, ?, ?)")
                .params(reviewId, item, answer.rating(), answer.notApplicable(), answer.notes()).update());
    }

    private static String sourcesText(Set<EvidenceSource> sources) {
        return sources.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private Map<String, ItemRating> ratings(long reviewId) {
        Map<String, ItemRating> ratings = new LinkedHashMap<>();
        jdbc.sql("select item_id, rating, not_applicable, notes from fidelity_rating where review_id = ?")
                .param(reviewId).query(rs -> {
                    ratings.put(rs.getString(1), new ItemRating(rs.getObject(2, Integer.class), rs.getBoolean(3),
                            rs.getString(4)));
                });
        return ratings;
    }

    private FidelityReview review(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Set<EvidenceSource> sources = EnumSet.noneOf(EvidenceSource.class);
        Arrays.stream(rs.getString("sources").split(",")).filter(s -> !s.isEmpty())
                .forEach(s -> sources.add(EvidenceSource.valueOf(s)));
        String mode = rs.getString("session_mode");
        OffsetDateTime submittedAt = rs.getObject("submitted_at", OffsetDateTime.class);
        return new FidelityReview(id, rs.getString("instrument_id"), rs.getInt("instrument_version"),
                rs.getLong("program_id"), rs.getObject("group_id", Long.class),
                rs.getObject("facilitator_id", Long.class), mode == null ? null : SessionMode.valueOf(mode),
                rs.getObject("reviewed_on", LocalDate.class), sources, "SUBMITTED".equals(rs.getString("status")),
                rs.getInt("revision"), rs.getObject("revision_of", Long.class),
                submittedAt == null ? null : submittedAt.toInstant(), ratings(id));
    }
}
