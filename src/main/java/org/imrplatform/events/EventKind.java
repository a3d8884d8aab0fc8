package org.imrplatform.events;

/** The kinds of activity the center offers. */
public enum EventKind {
    WEBINAR, IN_PERSON_TRAINING, TECHNICAL_ASSISTANCE, LEARNING_COMMUNITY
}
