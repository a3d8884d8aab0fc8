package org.imrplatform.events;

import java.util.List;

import org.imrplatform.imports.RejectedRow;
import org.springframework.context.MessageSourceResolvable;

/**
 * A checked import file of an event: the rows that can be recorded, each with the key that keeps it from being
 * counted twice, and the rows that cannot, with every reason. Reading one never touches the database.
 */
sealed interface EventFile permits AttendanceFile, SurveyFile {

    /** A row that can be recorded. */
    sealed interface Entry permits AttendanceFile.Attendee, SurveyFile.Response {

        int row();

        String key();
    }

    /** An answer that is not a rating, left out of a row whose other answers are recorded. */
    record DroppedAnswer(int row, String item, String value) {
    }

    /** Problems with the file as a whole; when there are any, it has no entries and no rejected rows. */
    List<MessageSourceResolvable> fileProblems();

    List<? extends Entry> entries();

    /** Rows that cannot be recorded, with every reason. */
    List<RejectedRow> rejected();

    /** Answers left out of rows that are otherwise recorded; only survey files have items to leave out. */
    default List<DroppedAnswer> dropped() {
        return List.of();
    }
}
