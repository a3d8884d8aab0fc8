package org.imrplatform.needs;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.imrplatform.imports.PendingImports;
import org.imrplatform.imports.UploadedTable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Regional needs assessments, imported from a CSV of areas of focus (columns: area, rank, percent). A ranking is
 * only meaningful whole, so a file with any bad row is refused whole, with every row's problem.
 */
@Service
public class NeedsAssessments {

    static final List<String> COLUMNS = List.of("area", "rank", "percent");

    /** Where an area stands in an assessment. */
    public record Standing(String assessment, LocalDate conductedOn, String area, Integer rank, BigDecimal percent,
            int areas) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    NeedsAssessments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Problems with the file, by row; empty when the assessment was stored. */
    @Transactional
    List<MessageSourceResolvable> importFile(String title, LocalDate conductedOn, byte[] content) {
        List<MessageSourceResolvable> problems = new ArrayList<>();
        List<Object[]> areas = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        UploadedTable table = UploadedTable.read(content, COLUMNS, row -> {
            String area = row.get("area");
            Integer rank = null;
            BigDecimal percent = null;
            List<String> reasons = new ArrayList<>();
            if (area.isEmpty() || area.length() > 100) {
                reasons.add("area is missing or longer than 100 characters");
            } else if (seen.putIfAbsent(area.toLowerCase(Locale.ROOT), row.number()) != null) {
                reasons.add("area '" + area + "' is already on row " + seen.get(area.toLowerCase(Locale.ROOT)));
            }
            if (!row.get("rank").isEmpty()) {
                if (row.get("rank").matches("\\d{1,4}") && Integer.parseInt(row.get("rank")) > 0) {
                    rank = Integer.parseInt(row.get("rank"));
                } else {
                    reasons.add("rank '" + row.get("rank") + "' must be a whole number from 1 up");
                }
            }
            if (!row.get("percent").isEmpty()) {
                String value = row.get("percent").replace("%", "").trim();
                if (value.matches("\\d{1,3}(\\.\\d)?") && new BigDecimal(value).compareTo(BigDecimal.valueOf(100)) <= 0) {
                    percent = new BigDecimal(value);
                } else {
                    reasons.add("percent '" + row.get("percent") + "' must be a number from 0 to 100");
                }
            }
            if (rank == null && percent == null && reasons.isEmpty()) {
                reasons.add("give a rank, a percent or both");
            }
            if (reasons.isEmpty()) {
                areas.add(new Object[] {area, area.toLowerCase(Locale.ROOT), rank, percent});
            } else {
                problems.add(UploadedTable.problem("needs.row", row.number(), String.join("; ", reasons)));
            }
        });
        problems.addAll(0, table.problems());
        if (!problems.isEmpty()) {
            return problems;
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into needs_assessment (title, conducted_on, imported_at) values (?, ?, ?)")
                .params(title.trim(), conductedOn, OffsetDateTime.now(clock)).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        for (Object[] area : areas) {
            jdbc.sql("insert into needs_area (assessment_id, area, area_key, area_rank, share_percent)"
                    + " values (?, ?, ?, ?, ?)").params(id, area[0], area[1], area[2], area[3]).update();
        }
        return List.of();
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
