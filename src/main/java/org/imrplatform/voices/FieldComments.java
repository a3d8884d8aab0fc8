package org.imrplatform.voices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The comments of course evaluations and event surveys, read through the views their modules publish. */
@Component
class FieldComments {

    /** What the administrator asks for: a period (both days included) and an area of focus, null for every area. */
    record Scope(LocalDate from, LocalDate to, String area) {
    }

    /** One page of comments and how many there are in all. */
    record Page(List<FieldComment> comments, long total) {
    }

    private static final String SURVEYS = """
            select 'survey' as source, c.id, c.starts_on as said_on, c.title as about, c.area, c.comments, p.language
            from events_survey_comments c
            left join voice_publication p on p.source = 'survey' and p.comment_id = c.id
            """;
    private static final String EVALUATIONS = """
            select 'evaluation' as source, c.id, cast(c.submitted_at as date), c.course_id, null, c.comments,
                   p.language
            from evaluation_comments c
            left join voice_publication p on p.source = 'evaluation' and p.comment_id = c.id
            """;

    private final JdbcClient jdbc;
    private final FocusAreas areas;

    FieldComments(JdbcClient jdbc, FocusAreas areas) {
        this.jdbc = jdbc;
        this.areas = areas;
    }

    /** The scope's comments, newest first (surveys dated by their event's first day), {@code size} from {@code first}. */
    Page page(Scope scope, int first, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", scope.from());
        params.put("to", scope.to());
        params.put("start", scope.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        params.put("end", scope.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        String surveys = SURVEYS + " where c.starts_on >= :from and c.starts_on <= :to";
        String evaluations = EVALUATIONS + " where c.submitted_at >= :start and c.submitted_at < :end";
        if (scope.area() != null) {
            FocusAreas.FocusArea focus = areas.of(scope.area());
            params.put("area", focus.key());
            params.put("courses", focus.courses());
            surveys += " and c.area_key = :area";
            evaluations += focus.courses().isEmpty() ? " and 1 = 0" : " and c.course_id in (:courses)";
        }
        String all = surveys + " union all " + evaluations;
        long total = jdbc.sql("select count(*) from (" + all + ") comments").params(params).query(Long.class)
                .single();
        params.put("first", first);
        params.put("size", size);
        List<FieldComment> comments = jdbc.sql(all + " order by 3 desc, 1 desc, 2 desc limit :size offset :first")
                .params(params).query(this::comment).list();
        return new Page(comments, total);
    }

    /** The comment a form names, empty when there is no such comment (or no longer: erased at its source). */
    Optional<FieldComment> find(CommentRef ref) {
        return jdbc.sql((ref.source() == Source.SURVEY ? SURVEYS : EVALUATIONS) + " where c.id = ?")
                .param(ref.id()).query(this::comment).optional();
    }

    private FieldComment comment(ResultSet rs, int row) throws SQLException {
        CommentRef ref = new CommentRef(Source.of(rs.getString(1)), rs.getLong(2));
        boolean evaluation = ref.source() == Source.EVALUATION;
        return new FieldComment(ref, evaluation ? areas.courseTitle(rs.getString(4)) : rs.getString(4),
                rs.getObject(3, LocalDate.class), evaluation ? areas.ofCourse(rs.getString(4)) : rs.getString(5),
                rs.getString(6), rs.getString(7));
    }
}
