package org.imrplatform.goals;

/**
 * A change the participant's goals do not allow (a date before the goal, a step not offered, a follow-up already
 * recorded). Thrown inside the changing transaction, so everything it wrote is rolled back; the page shows the
 * message on the field.
 */
class GoalRefused extends RuntimeException {

    private final String field;
    private final String messageKey;

    GoalRefused(String field, String messageKey) {
        super(messageKey, null, false, false);
        this.field = field;
        this.messageKey = messageKey;
    }

    String field() {
        return field;
    }

    String messageKey() {
        return messageKey;
    }
}
