package org.imrplatform.sessions;

import java.time.LocalDate;
import java.util.Set;

/**
 * A session a group held. {@code attendees} is the number of participants who attended, kept when a participant's
 * record is erased so the group's figures stay.
 */
public record GroupSession(long id, long groupId, LocalDate heldOn, int minutes, int module, String topic,
        Set<AgendaPart> agenda, String homeAssignment, int attendees) {
}
