package org.imrplatform.participants;

import java.util.List;

/**
 * A part of a participant's record that another Practice module keeps (sessions attended, goals, the relapse
 * prevention plan, IMR Scale ratings). The export a participant asks for gathers every part, so a new module's data
 * is never left out of it; the erasure is announced as {@link ParticipantErased}.
 */
public interface RecordPart {

    /** Message key of the part's heading in the export. */
    String headingKey();

    /** The part's entries, oldest first, as the export prints them; empty when the module holds nothing. */
    List<Entry> entries(Participant participant);

    /**
     * One entry: a message key naming what it is ({@code goal.longTerm}), when it was recorded, and the text as typed
     * or as the module words it (a rating "4 of 5"). Text is printed as it is, never interpreted.
     */
    record Entry(String labelKey, java.time.LocalDate on, String text) {
    }
}
