package org.imrplatform.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
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

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded export with a header row, as CSV (UTF-8) or as an Excel workbook (.xlsx, first sheet), checked as a
 * whole before its rows are: exactly the expected columns (in any order and case), at least one row and at most
 * {@link #MAX_ROWS}. Problems with the file as a whole are collected in {@link #problems()}; rows are handed to the
 * caller with their row number in the file, as a spreadsheet program shows it.
 */
public final class UploadedTable {

    static final int MAX_ROWS = 20_000;
    static final int MEGABYTE = 1024 * 1024;
    public static final int MAX_FILE_BYTES = 2 * MEGABYTE;
    /**
     * What a workbook may unpack to, and of how many parts it may be made: a 20,000-row export unpacks to well
     * under 10 MB of XML in a dozen parts, while a crafted 2 MB zip could unpack to gigabytes.
     */
    static final int MAX_WORKBOOK_BYTES = 32 * MEGABYTE;
    static final int MAX_WORKBOOK_PARTS = 200;
    /** Cells in a row (the exports have at most six columns) and characters in a cell (Excel's own limit). */
    static final int MAX_CELLS = 256;
    static final int MAX_CELL_CHARS = 32_767;
    /** Characters of a number in a workbook: Excel writes at most 17 digits, a sign, a point and an exponent. */
    static final int MAX_NUMBER_CHARS = 40;
    /** The bytes the workbook signature checks read. */
    private static final int SIGNATURE_BYTES = 8;
    /** Invisible characters nobody means to import (PostgreSQL refuses NUL); tabs and line breaks are kept. */
    private static final Pattern CONTROL_CHARACTER = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    /** The parts of a workbook that hold sheets. */
    private static final Pattern SHEET = Pattern.compile("xl/worksheets/[^/]+\\.xml");
    /** Sheets are read without document types, so no entity can expand. */
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /** What the imports accept as an email address: something@domain.tld, no spaces. */
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** A row's values by expected column name; absent or empty cells are "". */
    public record Row(int number, Map<String, String> values) {

        public String get(String column) {
            return values.getOrDefault(column, "");
        }
    }

    private final List<String> columns;
    private final List<MessageSourceResolvable> problems = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private Map<String, Integer> positions;

    private UploadedTable(List<String> columns) {
        this.columns = columns;
    }

    public List<MessageSourceResolvable> problems() {
        return problems;
    }

    /** Why an upload cannot be read at all (no file chosen, or too large), or empty when it can. */
    public static Optional<MessageSourceResolvable> refusal(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return Optional.of(problem("upload.none"));
        }
        return file.getSize() > MAX_FILE_BYTES ? Optional.of(tooLarge()) : Optional.empty();
    }

    public static MessageSourceResolvable tooLarge() {
        return problem("upload.tooLarge", MAX_FILE_BYTES / MEGABYTE);
    }

    /** A problem told by its key in messages.properties. */
    public static MessageSourceResolvable problem(String code, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] {code}, arguments);
    }

    /** Reads the file and calls {@code onRow} for each row, unless the file as a whole has a problem. */
    public static UploadedTable read(byte[] content, List<String> columns, Consumer<Row> onRow) {
        UploadedTable table = new UploadedTable(columns);
        // The signature checks want a whole header; a shorter file can only be (very short) text.
        if (content.length >= SIGNATURE_BYTES && ReadableWorkbook.isOLE2Header(content)) {
            table.problems.add(problem("upload.xls"));
        } else if (content.length >= SIGNATURE_BYTES && ReadableWorkbook.isOOXMLZipHeader(content)) {
            table.readWorkbook(content);
        } else {
            table.readCsv(content);
        }
        if (table.problems.isEmpty() && table.rows.isEmpty()) {
            table.problems.add(problem("upload.noRows"));
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
            problems.add(problem("upload.notUtf8"));
            return;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        // Blank lines are read as rows of nothing, so that they are counted: a row's number is the one a
        // spreadsheet shows (a cell holding line breaks is still one row).
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();
        int lastRow = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            boolean headerRead = false;
            for (Iterator<CSVRecord> records = parser.iterator(); records.hasNext(); ) {
                CSVRecord record = records.next();
                lastRow = (int) record.getRecordNumber();
                if (!row(lastRow, record.toList(), headerRead)) {
                    return;
                }
                headerRead |= !blank(record.toList());
            }
            if (!headerRead) {
                problems.add(problem("upload.noHeader"));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // The parser's own words are English and name lines, not rows; the row where reading stopped is enough.
            problems.add(problem("upload.csvUnreadable", lastRow + 1));
        }
    }

    private void readWorkbook(byte[] content) {
        try {
            if (!workbookWithinLimits(content)) {
                return;
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            problems.add(problem("upload.workbookUnreadable"));
            return;
        }
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
                Stream<org.dhatim.fastexcel.reader.Row> sheet = workbook.getFirstSheet().openStream()) {
            boolean headerRead = false;
            // Rows with nothing in them are left out of the stream; getRowNum() still counts them.
            for (Iterator<org.dhatim.fastexcel.reader.Row> it = sheet.iterator(); it.hasNext(); ) {
                org.dhatim.fastexcel.reader.Row row = it.next();
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.min(row.getCellCount(), MAX_CELLS + 1); i++) {
                    cells.add(text(row.getCell(i)));
                }
                if (!row(row.getRowNum(), cells, headerRead)) {
                    return;
                }
                headerRead |= !blank(cells);
            }
            if (!headerRead) {
                problems.add(problem("upload.emptySheet"));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(problem("upload.workbookUnreadable"));
        }
    }

    /**
     * Whether the workbook unpacks to little enough, counted by reading every part (the sizes a zip declares can
     * lie), and whether its sheets' rows have few enough cells; records the problem when not. fastexcel-reader opens
     * the zip with the same class, through the same central directory, so it reads exactly the parts checked here.
     */
    private boolean workbookWithinLimits(byte[] content) throws IOException, XMLStreamException {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            byte[] buffer = new byte[8192];
            long unpacked = 0;
            int parts = 0;
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (++parts > MAX_WORKBOOK_PARTS) {
                    problems.add(problem("upload.workbook.tooManyParts", MAX_WORKBOOK_PARTS));
                    return false;
                }
                try (InputStream part = zip.getInputStream(entry)) {
                    for (int read = part.read(buffer); read != -1; read = part.read(buffer)) {
                        unpacked += read;
                        if (unpacked > MAX_WORKBOOK_BYTES) {
                            problems.add(problem("upload.workbook.tooBig", MAX_WORKBOOK_BYTES / MEGABYTE, MAX_ROWS));
                            return false;
                        }
                    }
                }
            }
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (SHEET.matcher(entry.getName()).matches() && !cellsWithinLimits(zip.getInputStream(entry))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether every row of a sheet's XML has at most {@link #MAX_CELLS} cells, by count and by the column its
     * reference names, and every number is short: the reader makes room for every column up to the one a cell
     * names (a crafted reference such as ZZZZZZ1 names column 300 million) and turns each number into a decimal
     * as it goes, in time that grows with the square of its digits.
     */
    private boolean cellsWithinLimits(InputStream sheet) throws XMLStreamException {
        XMLStreamReader xml = XML.createXMLStreamReader(sheet);
        try {
            int row = 0;
            int column = 0;
            boolean number = false;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "row" -> {
                        String reference = xml.getAttributeValue(null, "r");
                        row = reference != null && reference.matches("\\d{1,9}") ? Integer.parseInt(reference) : row + 1;
                        column = 0;
                    }
                    case "c" -> {
                        column = Math.max(column + 1, column(xml.getAttributeValue(null, "r")));
                        String type = xml.getAttributeValue(null, "t");
                        number = type == null || type.equals("n");
                        if (column > MAX_CELLS) {
                            problems.add(problem("upload.tooManyCells", row, MAX_CELLS));
                            return false;
                        }
                    }
                    case "v" -> {
                        if (number && xml.getElementText().length() > MAX_NUMBER_CHARS) {
                            problems.add(problem("upload.numberTooLong", row, column, MAX_NUMBER_CHARS));
                            return false;
                        }
                    }
                    default -> {
                    }
                }
            }
            return true;
        } finally {
            xml.close();
        }
    }

    /** The column (1 for A) a cell reference such as "AB12" names, or 0 without one; large ones stop counting. */
    private static int column(String reference) {
        int column = 0;
        for (int i = 0; reference != null && i < reference.length() && column <= MAX_CELLS; i++) {
            char c = Character.toUpperCase(reference.charAt(i));
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + c - 'A' + 1;
        }
        return column;
    }

    /**
     * Takes one row of the file, numbered as a spreadsheet shows it: the first that is not blank names the columns,
     * later ones are rows to import, blank ones are skipped. Returns whether reading goes on.
     */
    private boolean row(int number, List<String> cells, boolean headerRead) {
        if (!fits(number, cells)) {
            return false;
        }
        if (blank(cells)) {
            return true;
        }
        return headerRead ? add(number, cells) : header(cells);
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }

    /** Whether a row of the file has few enough cells, each short and storable; records the problem when not. */
    private boolean fits(int number, List<String> cells) {
        if (cells.size() > MAX_CELLS) {
            problems.add(problem("upload.tooManyCells", number, MAX_CELLS));
            return false;
        }
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).length() > MAX_CELL_CHARS) {
                problems.add(problem("upload.cellTooLong", number, i + 1, MAX_CELL_CHARS));
                return false;
            }
            if (CONTROL_CHARACTER.matcher(cells.get(i)).find()) {
                problems.add(problem("upload.controlCharacter", number, i + 1));
                return false;
            }
        }
        return true;
    }

    /** A cell as the person who typed it sees it: numbers without a trailing ".0", nothing for empty cells. */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> plain(cell.asNumber().stripTrailingZeros());
            case EMPTY -> "";
            case STRING, BOOLEAN, FORMULA, ERROR -> cell.getRawValue() == null ? "" : cell.getText();
        };
    }

    /** A number without an exponent, unless writing it out would take more than a cell holds (1E999999999). */
    private static String plain(BigDecimal number) {
        return Math.abs((long) number.scale()) > MAX_CELL_CHARS ? number.toString() : number.toPlainString();
    }

    private boolean add(int number, List<String> cells) {
        if (rows.size() >= MAX_ROWS) {
            problems.add(problem("upload.tooManyRows", MAX_ROWS));
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
                problems.add(problem("upload.duplicateColumn", headers.get(i).trim()));
            } else if (!key.isEmpty()) {
                unknown.add(headers.get(i).trim());
            }
        }
        if (!unknown.isEmpty()) {
            problems.add(problem("upload.unknownColumns", String.join(", ", unknown), String.join(", ", columns),
                    unknown.size()));
        }
        List<String> missing = columns.stream().filter(c -> !positions.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            problems.add(problem("upload.missingColumns", String.join(", ", missing), String.join(", ", columns),
                    missing.size()));
        }
        return problems.isEmpty();
    }
}
