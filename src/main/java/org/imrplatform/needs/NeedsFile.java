package org.imrplatform.needs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.imrplatform.imports.RejectedRow;
import org.imrplatform.imports.UploadedTable;
import org.springframework.context.MessageSourceResolvable;

/**
 * A needs assessment's results (columns area, rank, percent), read and checked row by row. Reading one never
 * touches the database. Its readers are public for the preview page.
 */
final class NeedsFile {

    static final List<String> COLUMNS = List.of("area", "rank", "percent");

    /** An area of focus with its rank (1 = most needed), its percent, or both; null when not given. */
    record Area(int row, String name, Integer rank, BigDecimal percent) {

        String key() {
            return name.toLowerCase(Locale.ROOT);
        }
    }

    private final List<MessageSourceResolvable> fileProblems = new ArrayList<>();
    private final List<Area> areas = new ArrayList<>();
    private final List<RejectedRow> rejected = new ArrayList<>();
    private final Map<String, Integer> rowOfArea = new HashMap<>();

    private NeedsFile() {
    }

    static NeedsFile read(byte[] content) {
        NeedsFile file = new NeedsFile();
        file.fileProblems.addAll(UploadedTable.read(content, COLUMNS, file::row).problems());
        if (!file.fileProblems.isEmpty()) {
            file.areas.clear();
            file.rejected.clear();
        }
        return file;
    }

    /** Problems with the file as a whole; when there are any, it has no areas and no rejected rows. */
    public List<MessageSourceResolvable> fileProblems() {
        return fileProblems;
    }

    public List<Area> areas() {
        return areas;
    }

    public List<RejectedRow> rejected() {
        return rejected;
    }

    /** Whether the assessment can be stored: a ranking only means something whole, so every row must be right. */
    public boolean whole() {
        return fileProblems.isEmpty() && rejected.isEmpty();
    }

    private void row(UploadedTable.Row row) {
        String area = row.get("area");
        String rankText = row.get("rank");
        String percentText = row.get("percent");
        Integer rank = null;
        BigDecimal percent = null;
        List<MessageSourceResolvable> reasons = new ArrayList<>();
        if (area.isEmpty() || area.length() > 100) {
            reasons.add(UploadedTable.problem("needs.reason.area"));
        } else {
            Integer first = rowOfArea.putIfAbsent(area.toLowerCase(Locale.ROOT), row.number());
            if (first != null) {
                reasons.add(UploadedTable.problem("needs.reason.sameArea", area, first));
            }
        }
        if (!rankText.isEmpty()) {
            if (rankText.matches("\\d{1,4}") && Integer.parseInt(rankText) > 0) {
                rank = Integer.parseInt(rankText);
            } else {
                reasons.add(UploadedTable.problem("needs.reason.rank", rankText));
            }
        }
        if (!percentText.isEmpty()) {
            String value = percentText.replace("%", "").trim();
            if (value.matches("\\d{1,3}(\\.\\d)?") && new BigDecimal(value).compareTo(BigDecimal.valueOf(100)) <= 0) {
                percent = new BigDecimal(value);
            } else {
                reasons.add(UploadedTable.problem("needs.reason.percent", percentText));
            }
        }
        if (rank == null && percent == null && reasons.isEmpty()) {
            reasons.add(UploadedTable.problem("needs.reason.nothing"));
        }
        if (reasons.isEmpty()) {
            areas.add(new Area(row.number(), area, rank, percent));
        } else {
            rejected.add(new RejectedRow(row.number(), reasons));
        }
    }
}
