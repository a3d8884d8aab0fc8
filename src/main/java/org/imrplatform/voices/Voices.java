package org.imrplatform.voices;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The comments from the field an administrator chose to publish, for public pages. Read through the owners' views
 * every time: a comment erased at its source (with its writer's account, say) is gone from here at once.
 */
@Service
public class Voices {

    /** The languages a comment can be published in. */
    static final Set<String> LANGUAGES = Set.of("en", "es");

    private final JdbcClient jdbc;
    private final FocusAreas areas;

    Voices(JdbcClient jdbc, FocusAreas areas) {
        this.jdbc = jdbc;
        this.areas = areas;
    }

    /**
     * The comments of an area of focus (any case) published in a language ("en" or "es"), newest publication first;
     * none for an unknown area or language.
     */
    @Transactional(readOnly = true)
    public List<Voice> published(String area, String language) {
        if (area == null || area.isBlank() || !LANGUAGES.contains(language)) {
            return List.of();
        }
        FocusAreas.FocusArea focus = areas.of(area);
        String evaluations = focus.courses().isEmpty() ? "" : """
                union all
                select c.comments, p.published_at, p.source, p.comment_id from voice_publication p
                join evaluation_comments c on c.id = p.comment_id
                where p.source = 'evaluation' and p.language = :language and c.course_id in (:courses)
                """;
        return jdbc.sql("""
                        select c.comments, p.published_at, p.source, p.comment_id from voice_publication p
                        join events_survey_comments c on c.id = p.comment_id
                        where p.source = 'survey' and p.language = :language and c.area_key = :area
                        """ + evaluations + " order by 2 desc, 3, 4 desc")
                .params(Map.of("language", language, "area", focus.key(), "courses", focus.courses()))
                .query((rs, row) -> new Voice(rs.getString(1))).list();
    }
}
