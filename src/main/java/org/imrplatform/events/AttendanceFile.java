package org.imrplatform.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.imrplatform.account.Discipline;
import org.imrplatform.account.Region;
import org.imrplatform.imports.RejectedRow;
import org.imrplatform.imports.UploadedTable;
import org.springframework.context.MessageSourceResolvable;

/**
 * A registration export (a header row: name, email, discipline, organization, state) read and checked row by row.
 */
final class AttendanceFile implements EventFile {

    static final List<String> COLUMNS = List.of("name", "email", "discipline", "organization", "state");
    private static final Map<String, Region> STATES = Map.of("ny", Region.NY, "new york", Region.NY,
            "nj", Region.NJ, "new jersey", Region.NJ, "pr", Region.PR, "puerto rico", Region.PR,
            "usvi", Region.USVI, "us virgin islands", Region.USVI, "virgin islands", Region.USVI, "other", Region.OTHER);

    /** A person who attended; the email address in lower case is the key. */
    record Attendee(int row, String email, String fullName, Discipline discipline, String organization,
            Region region) implements EventFile.Entry {

        @Override
        public String key() {
            return email.toLowerCase(Locale.ROOT);
        }
    }

    private final List<MessageSourceResolvable> fileProblems = new ArrayList<>();
    private final List<Attendee> attendees = new ArrayList<>();
    private final List<RejectedRow> rejected = new ArrayList<>();

    private AttendanceFile() {
    }

    static AttendanceFile read(byte[] content) {
        AttendanceFile file = new AttendanceFile();
        file.parse(content);
        return file;
    }

    @Override
    public List<MessageSourceResolvable> fileProblems() {
        return fileProblems;
    }

    @Override
    public List<Attendee> entries() {
        return attendees;
    }

    @Override
    public List<RejectedRow> rejected() {
        return rejected;
    }

    private void parse(byte[] content) {
        Map<String, Integer> firstRowOfEmail = new HashMap<>();
        UploadedTable table = UploadedTable.read(content, COLUMNS, row -> row(row, firstRowOfEmail));
        fileProblems.addAll(table.problems());
        if (!fileProblems.isEmpty()) {
            attendees.clear();
            rejected.clear();
        }
    }

    private void row(UploadedTable.Row line, Map<String, Integer> firstRowOfEmail) {
        int row = line.number();
        List<MessageSourceResolvable> reasons = new ArrayList<>();
        String name = line.get("name");
        String email = line.get("email");
        String organization = line.get("organization");
        if (name.isEmpty() || name.length() > 200) {
            reasons.add(UploadedTable.problem("import.attendance.name"));
        }
        if (!UploadedTable.EMAIL.matcher(email).matches() || email.length() > 254) {
            reasons.add(UploadedTable.problem("import.attendance.email", email));
        }
        if (organization.length() > 200) {
            reasons.add(UploadedTable.problem("import.attendance.organization"));
        }
        Optional<Discipline> discipline = discipline(line.get("discipline"));
        if (discipline.isEmpty()) {
            reasons.add(UploadedTable.problem("import.attendance.discipline", line.get("discipline")));
        }
        Region region = STATES.get(line.get("state").toLowerCase(Locale.ROOT));
        if (region == null) {
            reasons.add(UploadedTable.problem("import.attendance.state", line.get("state")));
        }
        if (reasons.isEmpty()) {
            Integer first = firstRowOfEmail.putIfAbsent(email.toLowerCase(Locale.ROOT), row);
            if (first != null) {
                reasons.add(UploadedTable.problem("import.attendance.sameEmail", first));
            }
        }
        if (reasons.isEmpty()) {
            attendees.add(new Attendee(row, email, name, discipline.get(), organization.isEmpty() ? "—" : organization,
                    region));
        } else {
            rejected.add(new RejectedRow(row, reasons));
        }
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
