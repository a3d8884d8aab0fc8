package org.imrplatform.events;

import java.util.Locale;
import java.util.function.Function;

/** What can be imported for an event, and where each is kept; the lower-case name is its address segment. */
enum EventImport {

    ATTENDANCE("event_attendance", "email_key", AttendanceFile::read),
    SURVEYS("event_survey_response", "response_key", SurveyFile::read);

    /** The address segments, as a pattern for request mappings. */
    static final String PATHS = "attendance|surveys";

    final String table;
    final String keyColumn;
    private final Function<byte[], EventFile> reader;

    EventImport(String table, String keyColumn, Function<byte[], EventFile> reader) {
        this.table = table;
        this.keyColumn = keyColumn;
        this.reader = reader;
    }

    EventFile read(byte[] content) {
        return reader.apply(content);
    }

    String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EventImport ofPath(String path) {
        return valueOf(path.toUpperCase(Locale.ROOT));
    }
}
