package org.imrplatform.outcomes;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An uploaded CSV export with a header row, checked as a whole before its rows are: UTF-8 text, exactly the
 * expected columns (in any order and case), at least one row and at most {@link #MAX_ROWS}. Problems with the file
 * as a whole are collected in {@link #problems()}; rows are handed to the caller with their row number in the file.
 */
final class CsvTable {

    static final int MAX_ROWS = 20_000;
    /** What the imports accept as an email address: something@domain.tld, no spaces. */
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** A row's values by expected column name; absent or empty cells are "". */
    record Row(int number, Map<String, String> values) {

        String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    private final List<String> problems = new ArrayList<>();

    List<String> problems() {
        return problems;
    }

    /** Reads the file and calls {@code onRow} for each row, unless the file as a whole has a problem. */
    static CsvTable read(byte[] content, List<String> columns, Consumer<Row> onRow) {
        CsvTable table = new CsvTable();
        table.parse(content, columns, onRow);
        return table;
    }

    private void parse(byte[] content, List<String> columns, Consumer<Row> onRow) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            problems.add("The file is not UTF-8 text. Save it as \"CSV UTF-8\" and upload it again.");
            return;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, String> headers = headers(parser.getHeaderNames(), columns);
            if (!problems.isEmpty()) {
                return;
            }
            for (CSVRecord record : parser) {
                if (rows.size() >= MAX_ROWS) {
                    problems.add("The file has more than " + MAX_ROWS + " rows. Split it into smaller files.");
                    return;
                }
                Map<String, String> values = new HashMap<>();
                headers.forEach((column, header) -> values.put(column,
                        record.isSet(header) ? record.get(header).trim() : ""));
                rows.add(new Row((int) record.getRecordNumber() + 1, values));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            problems.add("The file could not be read as CSV (" + e.getMessage() + "). Check that it is a"
                    + " comma-separated export with one header row.");
            return;
        }
        if (rows.isEmpty()) {
            problems.add("The file has a header row but no rows under it.");
            return;
        }
        rows.forEach(onRow);
    }

    /** Maps each expected column to its header as written; unknown and missing columns are problems. */
    private Map<String, String> headers(List<String> headers, List<String> columns) {
        Map<String, String> found = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (String header : headers) {
            String key = header.trim().toLowerCase(Locale.ROOT);
            if (columns.contains(key)) {
                found.put(key, header);
            } else if (!key.isEmpty()) {
                unknown.add(header);
            }
        }
        if (!unknown.isEmpty()) {
            problems.add("Unknown column(s): " + String.join(", ", unknown) + ". The columns must be: "
                    + String.join(", ", columns) + ".");
        }
        List<String> missing = columns.stream().filter(c -> !found.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            problems.add("Missing column(s): " + String.join(", ", missing) + ". The first row must name the"
                    + " columns: " + String.join(", ", columns) + ".");
        }
        return found;
    }
}
