package org.imrplatform.shared;

import java.time.Duration;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the events between modules whose listener has not finished (it failed, or the node running it
 * died), without waiting for a restart. Listeners are idempotent, so a delivery that overlaps with another node's
 * changes nothing.
 */
@Component
class OutstandingEvents {

    /** Long enough that a listener still running on some node is not raced. */
    static final Duration GRACE = Duration.ofMinutes(5);

    private final IncompleteEventPublications publications;

    OutstandingEvents(IncompleteEventPublications publications) {
        this.publications = publications;
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    void deliverAgain() {
        publications.resubmitIncompletePublicationsOlderThan(GRACE);
    }
}
