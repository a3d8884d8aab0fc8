package org.imrplatform.outcomes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded export with a header row, as CSV (UTF-8) or as an Excel workbook (.xlsx, first sheet), checked as a
 * whole before its rows are: exactly the expected columns (in any order and case), at least one row and at most
 * {@link #MAX_ROWS}. Problems with the file as a whole are collected in {@link #problems()}; rows are handed to the
 * caller with their row number in the file, as a spreadsheet program shows it.
 */
final class UploadedTable {

    static final int MAX_ROWS = 20_000;
    static final int MAX_FILE_BYTES = 2 * 1024 * 1024;
    /** What the imports accept as an email address: something@domain.tld, no spaces. */
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** A row's values by expected column name; absent or empty cells are "". */
    record Row(int number, Map<String, String> values) {

        String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    private final List<String> columns;
    private final List<String> problems = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private Map<String, Integer> positions;

    private UploadedTable(List<String> columns) {
        this.columns = columns;
    }

    List<String> problems() {
        return problems;
    }

    /** Why an upload cannot be read at all (no file chosen, or too large), or empty when it can. */
    static Optional<String> refusal(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return Optional.of("No file was chosen. Choose the export (CSV or .xlsx) and send it again.");
        }
        if (file.getSize() > MAX_FILE_BYTES) {
            return Optional.of("The file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB. A registration"
                    + " export of a few thousand people is far smaller: check that this is the right file,"
                    + " or split it.");
        }
        return Optional.empty();
    }

    /** Reads the file and calls {@code onRow} for each row, unless the file as a whole has a problem. */
    static UploadedTable read(byte[] content, List<String> columns, Consumer<Row> onRow) {
        UploadedTable table = new UploadedTable(columns);
        if (ReadableWorkbook.isOLE2Header(content)) {
            table.problems.add("This is an Excel 97-2003 (.xls) file. Save it as an Excel workbook (.xlsx) or as"
                    + " \"CSV UTF-8\" and upload it again.");
        } else if (ReadableWorkbook.isOOXMLZipHeader(content)) {
            table.readWorkbook(content);
        } else {
            table.readCsv(content);
        }
        if (table.problems.isEmpty() && table.rows.isEmpty()) {
            table.problems.add("The file has a header row but no rows under it.");
        }
        if (table.problems.isEmpty()) {
            table.rows.forEach(onRow);
        }
        return table;
    }

    private void readCsv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            problems.add("The file is neither UTF-8 text nor an Excel workbook. Save it as \"CSV UTF-8\" or as"
                    + " .xlsx and upload it again.");
            return;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext() || !header(records.next().toList())) {
                return;
            }
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (!add((int) record.getRecordNumber(), record.toList())) {
                    return;
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            problems.add("The file could not be read as CSV (" + e.getMessage() + "). Check that it is a"
                    + " comma-separated export with one header row.");
        }
    }

    private void readWorkbook(byte[] content) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
                Stream<org.dhatim.fastexcel.reader.Row> sheet = workbook.getFirstSheet().openStream()) {
            boolean headerRead = false;
            for (Iterator<org.dhatim.fastexcel.reader.Row> it = sheet.iterator(); it.hasNext(); ) {
                org.dhatim.fastexcel.reader.Row row = it.next();
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(text(row.getCell(i)));
                }
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                if (!headerRead) {
                    headerRead = true;
                    if (!header(cells)) {
                        return;
                    }
                } else if (!add(row.getRowNum(), cells)) {
                    return;
                }
            }
            if (!headerRead) {
                problems.add("The first sheet of the workbook is empty. Put the export on the first sheet.");
            }
        } catch (IOException | RuntimeException e) {
            problems.add("The file could not be read as an Excel workbook (" + e.getMessage() + "). Open it in a"
                    + " spreadsheet program and save it again as .xlsx or as \"CSV UTF-8\".");
        }
    }

    /** A cell as the person who typed it sees it: numbers without a trailing ".0", nothing for empty cells. */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> cell.asNumber().stripTrailingZeros().toPlainString();
            case EMPTY -> "";
            case STRING, BOOLEAN, FORMULA, ERROR -> cell.getRawValue() == null ? "" : cell.getText();
        };
    }

    private boolean add(int number, List<String> cells) {
        if (rows.size() >= MAX_ROWS) {
            problems.add("The file has more than " + MAX_ROWS + " rows. Split it into smaller files.");
            return false;
        }
        Map<String, String> values = new HashMap<>();
        positions.forEach((column, index) -> values.put(column, index < cells.size() ? cells.get(index).trim() : ""));
        rows.add(new Row(number, values));
        return true;
    }

    /** Finds each expected column in the header row; unknown and missing columns are problems. */
    private boolean header(List<String> headers) {
        positions = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (int i = 0; i < headers.size(); i++) {
            String key = headers.get(i).trim().toLowerCase(Locale.ROOT);
            if (columns.contains(key) && !positions.containsKey(key)) {
                positions.put(key, i);
            } else if (columns.contains(key)) {
                problems.add("Column " + headers.get(i).trim() + " appears twice in the header row. Keep one.");
            } else if (!key.isEmpty()) {
                unknown.add(headers.get(i).trim());
            }
        }
        if (!unknown.isEmpty()) {
            problems.add("Unknown column(s): " + String.join(", ", unknown) + ". The columns must be: "
                    + String.join(", ", columns) + ".");
        }
        List<String> missing = columns.stream().filter(c -> !positions.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            problems.add("Missing column(s): " + String.join(", ", missing) + ". The first row must name the"
                    + " columns: " + String.join(", ", columns) + ".");
        }
        return problems.isEmpty();
    }
}
