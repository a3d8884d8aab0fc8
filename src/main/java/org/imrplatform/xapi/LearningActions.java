package org.imrplatform.xapi;

import java.util.List;
import java.util.function.Supplier;

import org.imrplatform.assessment.CheckAnswered;
import org.imrplatform.assessment.KnowledgeTestSat;
import org.imrplatform.completion.CourseCompleted;
import org.imrplatform.evaluation.EvaluationSubmitted;
import org.imrplatform.progress.SlideSeen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Queues a statement for each learner action once the action is committed, when the center has a store: the
 * learner's request writes one row more and never waits for the store. Actions in a transaction are heard after its
 * commit through the event publication registry, so one whose listener did not finish is delivered again (and
 * queues nothing twice); a first slide view is announced after its own commit already.
 */
@Component
class LearningActions {

    private static final Logger log = LoggerFactory.getLogger(LearningActions.class);

    private final LearningRecordStore store;
    private final Statements statements;
    private final StatementOutbox outbox;

    LearningActions(LearningRecordStore store, Statements statements, StatementOutbox outbox) {
        this.store = store;
        this.statements = statements;
        this.outbox = outbox;
    }

    /**
     * Heard in the learner's request, after the view's commit: a statement that cannot be queued (the database
     * refused it) is given up rather than failing the page the learner is waiting for.
     */
    @EventListener
    void on(SlideSeen seen) {
        try {
            queue(() -> statements.of(seen));
        } catch (RuntimeException e) {
            log.warn("The statement of a first slide view could not be queued ({})", e.getClass().getSimpleName());
        }
    }

    @TransactionalEventListener
    public void on(CheckAnswered answered) {
        queue(() -> statements.of(answered));
    }

    @TransactionalEventListener
    public void on(KnowledgeTestSat sat) {
        queue(() -> statements.of(sat));
    }

    @TransactionalEventListener
    public void on(CourseCompleted completed) {
        queue(() -> statements.of(completed));
    }

    @TransactionalEventListener
    public void on(EvaluationSubmitted submitted) {
        queue(() -> statements.of(submitted));
    }

    private void queue(Supplier<List<Statements.Queued>> made) {
        if (store.isConfigured()) {
            outbox.queue(made.get());
        }
    }
}
