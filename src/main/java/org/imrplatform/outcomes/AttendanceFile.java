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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.imrplatform.account.Discipline;
import org.imrplatform.account.Region;

/**
 * A registration export (CSV with a header row: name, email, discipline, organization, state) read and checked row
 * by row. Nothing here touches the database: the result is a preview of what an import would add and reject.
 */
final class AttendanceFile {

    static final List<String> COLUMNS = List.of("name", "email", "discipline", "organization", "state");
    static final int MAX_ROWS = 20_000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Map<String, Region> STATES = Map.of("ny", Region.NY, "new york", Region.NY,
            "nj", Region.NJ, "new jersey", Region.NJ, "pr", Region.PR, "puerto rico", Region.PR,
            "usvi", Region.USVI, "us virgin islands", Region.USVI, "virgin islands", Region.USVI, "other", Region.OTHER);

    /** A row that can be recorded. */
    record Attendee(int row, String email, String fullName, Discipline discipline, String organization,
            Region region) {

        String emailKey() {
            return email.toLowerCase(Locale.ROOT);
        }
    }

    /** A row that cannot, with every reason. */
    record Rejected(int row, List<String> reasons) {
    }

    private final List<String> fileProblems = new ArrayList<>();
    private final List<Attendee> attendees = new ArrayList<>();
    private final List<Rejected> rejected = new ArrayList<>();

    private AttendanceFile() {
    }

    static AttendanceFile read(byte[] content) {
        AttendanceFile file = new AttendanceFile();
        file.parse(content);
        return file;
    }

    List<String> fileProblems() {
        return fileProblems;
    }

    List<Attendee> attendees() {
        return attendees;
    }

    List<Rejected> rejected() {
        return rejected;
    }

    private void parse(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            fileProblems.add("The file is not UTF-8 text. Save it as \"CSV UTF-8\" and upload it again.");
            return;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, String> columns = columns(parser.getHeaderNames());
            if (!fileProblems.isEmpty()) {
                return;
            }
            Map<String, Integer> firstRowOfEmail = new HashMap<>();
            for (CSVRecord record : parser) {
                int row = (int) record.getRecordNumber() + 1;
                if (attendees.size() + rejected.size() >= MAX_ROWS) {
                    fileProblems.add("The file has more than " + MAX_ROWS + " rows. Split it into smaller files.");
                    attendees.clear();
                    rejected.clear();
                    return;
                }
                row(record, row, columns, firstRowOfEmail);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            fileProblems.add("The file could not be read as CSV (" + e.getMessage() + "). Check that it is a"
                    + " comma-separated export with one header row.");
        }
        if (fileProblems.isEmpty() && attendees.isEmpty() && rejected.isEmpty()) {
            fileProblems.add("The file has a header row but no people in it.");
        }
    }

    /** Maps each expected column to its header as written; unknown and missing columns are file problems. */
    private Map<String, String> columns(List<String> headers) {
        Map<String, String> found = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (String header : headers) {
            String key = header.trim().toLowerCase(Locale.ROOT);
            if (COLUMNS.contains(key)) {
                found.put(key, header);
            } else if (!key.isEmpty()) {
                unknown.add(header);
            }
        }
        if (!unknown.isEmpty()) {
            fileProblems.add("Unknown column(s): " + String.join(", ", unknown) + ". The columns must be: "
                    + String.join(", ", COLUMNS) + ".");
        }
        List<String> missing = COLUMNS.stream().filter(c -> !found.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            fileProblems.add("Missing column(s): " + String.join(", ", missing) + ". The first row must name the"
                    + " columns: " + String.join(", ", COLUMNS) + ".");
        }
        return found;
    }

    private void row(CSVRecord record, int row, Map<String, String> columns, Map<String, Integer> firstRowOfEmail) {
        List<String> reasons = new ArrayList<>();
        String name = value(record, columns, "name");
        String email = value(record, columns, "email");
        String organization = value(record, columns, "organization");
        if (name.isEmpty() || name.length() > 200) {
            reasons.add("name is missing or longer than 200 characters");
        }
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            reasons.add("email '" + email + "' is not an email address");
        }
        if (organization.length() > 200) {
            reasons.add("organization is longer than 200 characters");
        }
        Optional<Discipline> discipline = discipline(value(record, columns, "discipline"));
        if (discipline.isEmpty()) {
            reasons.add("discipline '" + value(record, columns, "discipline") + "' is not one of: peer specialist,"
                    + " social worker, counselor, psychologist, nurse, case manager, psychiatrist, other");
        }
        Region region = STATES.get(value(record, columns, "state").toLowerCase(Locale.ROOT));
        if (region == null) {
            reasons.add("state '" + value(record, columns, "state") + "' is not one of: NY, NJ, PR, USVI, other");
        }
        if (reasons.isEmpty()) {
            Integer first = firstRowOfEmail.putIfAbsent(email.toLowerCase(Locale.ROOT), row);
            if (first != null) {
                reasons.add("the same email as row " + first + "; each person is counted once");
            }
        }
        if (reasons.isEmpty()) {
            attendees.add(new Attendee(row, email, name, discipline.get(), organization.isEmpty() ? "—" : organization,
                    region));
        } else {
            rejected.add(new Rejected(row, reasons));
        }
    }

    private static String value(CSVRecord record, Map<String, String> columns, String column) {
        String header = columns.get(column);
        return header == null || !record.isSet(header) ? "" : record.get(header).trim();
    }

    private static Optional<Discipline> discipline(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (Discipline discipline : Discipline.values()) {
            if (discipline.name().equals(key)) {
                return Optional.of(discipline);
            }
        }
        return Optional.empty();
    }
}
