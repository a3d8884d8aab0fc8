package org.imrplatform.outcomes;

/** How an event was delivered. */
public enum EventFormat {
    ONLINE, IN_PERSON, HYBRID
}
