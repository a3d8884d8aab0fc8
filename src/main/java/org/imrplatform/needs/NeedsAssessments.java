package org.imrplatform.needs;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.imrplatform.imports.UploadedTable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Regional needs assessments, each stored once, and where an area of focus ranks in them. */
@Service
public class NeedsAssessments {

    /** Where an area stands in an assessment. */
    public record Standing(String assessment, LocalDate conductedOn, String area, Integer rank, BigDecimal percent,
            int areas) {
    }

    private record Stored(long id, String title) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher changes;

    NeedsAssessments(JdbcClient jdbc, Clock clock, ApplicationEventPublisher changes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.changes = changes;
    }

    /**
     * Why this assessment is already stored (which one it repeats, and how), or empty when it is not. Stored ones
     * are compared by their title and results as read back, so that those imported before their keys were kept
     * (V34) count as well.
     */
    Optional<MessageSourceResolvable> already(NeedsAssessmentForm form, List<NeedsFile.Area> areas) {
        AssessmentIdentity identity = identity(form, areas);
        LocalDate day = form.conductedOn();
        Map<Long, List<AssessmentIdentity.Result>> results = jdbc.sql("""
                        select n.assessment_id, n.area_key, n.area_rank, n.share_percent
                        from needs_area n join needs_assessment a on a.id = n.assessment_id where a.conducted_on = ?
                        """)
                .param(day)
                .query((rs, row) -> Map.entry(rs.getLong(1), new AssessmentIdentity.Result(rs.getString(2),
                        rs.getObject(3, Integer.class), rs.getBigDecimal(4))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        for (Stored stored : jdbc.sql("select id, title from needs_assessment where conducted_on = ? order by id")
                .param(day).query(Stored.class).list()) {
            Optional<String> how = AssessmentIdentity.of(day, stored.title(),
                    results.getOrDefault(stored.id(), List.of())).sameAs(identity);
            if (how.isPresent()) {
                return Optional.of(UploadedTable.problem("needs.already", stored.title(), day.toString(),
                        UploadedTable.problem(how.get())));
            }
        }
        return Optional.empty();
    }

    /**
     * Stores the assessment with its keys; the unique indexes on them refuse a second one, so that two confirmations
     * of the same assessment at the same moment store it once (the later fails with a DuplicateKeyException).
     */
    @Transactional
    void store(NeedsAssessmentForm form, List<NeedsFile.Area> areas) {
        AssessmentIdentity identity = identity(form, areas);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into needs_assessment (title, conducted_on, imported_at, title_key, results_key)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(form.title().strip(), form.conductedOn(), OffsetDateTime.now(clock), identity.titleKey(),
                        identity.resultsKey())
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        for (NeedsFile.Area area : areas) {
            jdbc.sql("insert into needs_area (assessment_id, area, area_key, area_rank, share_percent)"
                    + " values (?, ?, ?, ?, ?)").params(id, area.name(), area.key(), area.rank(), area.percent())
                    .update();
        }
        changes.publishEvent(new NeedsAssessmentRecorded(form.conductedOn()));
    }

    private static AssessmentIdentity identity(NeedsAssessmentForm form, List<NeedsFile.Area> areas) {
        return AssessmentIdentity.of(form.conductedOn(), form.title(), areas.stream()
                .map(a -> new AssessmentIdentity.Result(a.key(), a.rank(), a.percent())).toList());
    }

    /** The area's place in the most recent assessment conducted on or before the day, if it is listed there. */
    public Optional<Standing> standing(String area, LocalDate onOrBefore) {
        return jdbc.sql("""
                        select a.title, a.conducted_on, n.area, n.area_rank, n.share_percent,
                               (select count(*) from needs_area x where x.assessment_id = a.id)
                        from needs_assessment a join needs_area n on n.assessment_id = a.id
                        where n.area_key = ? and a.conducted_on <= ?
                        order by a.conducted_on desc, a.id desc
                        """)
                .params(area.trim().toLowerCase(Locale.ROOT), onOrBefore)
                .query((rs, row) -> new Standing(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getObject(4, Integer.class), rs.getBigDecimal(5), rs.getInt(6)))
                .list().stream().findFirst();
    }
}
