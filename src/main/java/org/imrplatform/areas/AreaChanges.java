package org.imrplatform.areas;

import org.imrplatform.completion.CourseCompleted;
import org.imrplatform.evaluation.EvaluationSubmitted;
import org.imrplatform.events.EventsChanged;
import org.imrplatform.needs.NeedsAssessmentRecorded;
import org.imrplatform.products.ProductsChanged;
import org.imrplatform.voices.VoicesChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The changes that move what an area's page shows, each making every node's copies of the pages old. Plain
 * listeners, run in the publisher's transaction: the generation moves on with the change or not at all, and the
 * visitor's next page (on any node) shows it. Any area's change makes all pages old: changes are rare, pages few.
 */
@Component
class AreaChanges {

    private final AreaPages pages;

    AreaChanges(AreaPages pages) {
        this.pages = pages;
    }

    @EventListener
    void on(EventsChanged changed) {
        pages.bump();
    }

    @EventListener
    void on(ProductsChanged changed) {
        pages.bump();
    }

    @EventListener
    void on(NeedsAssessmentRecorded recorded) {
        pages.bump();
    }

    @EventListener
    void on(CourseCompleted completed) {
        pages.bump();
    }

    @EventListener
    void on(EvaluationSubmitted submitted) {
        pages.bump();
    }

    @EventListener
    void on(VoicesChanged changed) {
        pages.bump();
    }
}
