package org.imrplatform.events;

/** How an event was delivered. */
public enum EventFormat {
    ONLINE, IN_PERSON, HYBRID
}
