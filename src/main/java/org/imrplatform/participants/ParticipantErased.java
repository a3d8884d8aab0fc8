package org.imrplatform.participants;

/**
 * A participant's record is being erased at their request. Published inside the erasing transaction: every module
 * that keeps rows about the participant deletes them in its listener (a plain synchronous listener), so the erasure
 * happens whole or not at all. What may stay are counts that identify nobody (a session's number of attendees).
 */
public record ParticipantErased(long participantId, long groupId) {
}
