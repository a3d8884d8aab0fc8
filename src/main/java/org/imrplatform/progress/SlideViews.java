package org.imrplatform.progress;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.imrplatform.shared.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes slide views in batches: the views that arrive within a few milliseconds of each other (and while the
 * last batch was being written) are committed in one transaction. Each learner's request waits until its view is
 * committed, so nothing is acknowledged before it is stored, but two hundred learners cost a few commits instead of
 * several hundred. A batch the database refuses (two nodes racing on a new row) is written again one view at a time.
 */
@Component
class SlideViews implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlideViews.class);
    private static final int MOST_PER_BATCH = 500;
    private static final long WAIT_SECONDS = 30;
    private static final long STOP_CHECK_MILLIS = 200;

    /** A view waiting to be written; {@code firstView} tells, once written, whether the slide was new to them. */
    private record Pending(long accountId, String courseId, Place place, OffsetDateTime at,
            CompletableFuture<Boolean> firstView) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration window;
    private final String placeUpsert;
    private final String viewInsert;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile Thread writer;

    /** {@code window}: how long a batch waits for more views after its first; longer means fewer commits. */
    SlideViews(JdbcTemplate jdbc, TransactionTemplate transaction, ApplicationEventPublisher events, Clock clock,
            Database database, @Value("${imr.progress.batch-window}") Duration window) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
        this.window = window;
        if (database.isPostgres()) {
            placeUpsert = """
                    insert into course_place (account_id, course_id, module_id, slide_id, updated_at)
                    values (?, ?, ?, ?, ?) on conflict (account_id, course_id)
                    do update set module_id = excluded.module_id, slide_id = excluded.slide_id,
                        updated_at = excluded.updated_at""";
            viewInsert = """
                    insert into slide_view (account_id, course_id, module_id, slide_id, first_viewed_at)
                    values (?, ?, ?, ?, ?) on conflict do nothing""";
        } else {
            placeUpsert = """
                    merge into course_place (account_id, course_id, module_id, slide_id, updated_at)
                    key (account_id, course_id) values (?, ?, ?, ?, ?)""";
            // The embedded database has one node, and only this writer adds views: no other insert can race it.
            viewInsert = """
                    insert into slide_view (account_id, course_id, module_id, slide_id, first_viewed_at)
                    select ?1, ?2, ?3, ?4, ?5 where not exists (select 1 from slide_view
                        where account_id = ?1 and course_id = ?2 and module_id = ?3 and slide_id = ?4)""";
        }
    }

    /**
     * Stores the view (the learner's place, and the slide as seen) and returns once it is committed: true when the
     * learner had not seen the slide before. A first view is announced as {@link SlideSeen}: here, or by the writer
     * when this request stopped waiting before the commit, so a view committed late still counts towards completion.
     */
    boolean record(long accountId, String courseId, Place place) {
        Pending view = new Pending(accountId, courseId, place, OffsetDateTime.now(clock),
                new CompletableFuture<>());
        Thread running = writer;
        if (running == null || !running.isAlive()) {
            write(List.of(view));   // not started, or stopping: written by the caller itself
        } else {
            queue.add(view);
            if (writer == null && queue.remove(view)) {
                write(List.of(view));   // the writer stopped meanwhile and may have left it behind
            }
        }
        boolean first = awaited(view);
        if (first) {
            events.publishEvent(seen(view));
        }
        return first;
    }

    /**
     * Whether the view was a first one, once committed. A request that stops waiting leaves the announcing to the
     * writer.
     */
    private static boolean awaited(Pending view) {
        try {
            return view.firstView().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            RuntimeException failure = new DataAccessResourceFailureException(
                    "Progress was not saved within " + WAIT_SECONDS + " s", e);
            if (view.firstView().completeExceptionally(failure)) {
                throw failure;
            }
            return awaited(view);   // committed (or refused) at this very moment: that outcome stands
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new DataAccessResourceFailureException("Progress was not saved", e.getCause());
        }
    }

    private void writeBatches() {
        List<Pending> batch = new ArrayList<>();
        while (writer == Thread.currentThread()) {
            try {
                Pending first = queue.poll(STOP_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                // Views arriving within the window join this batch: one commit for all of them.
                long deadline = System.nanoTime() + window.toNanos();
                while (batch.size() < MOST_PER_BATCH) {
                    Pending next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            writeSurviving(batch);
            batch.clear();
        }
        // Stopping: whatever is still queued is written before the application goes.
        while (queue.drainTo(batch) > 0) {
            writeSurviving(batch);
            batch.clear();
        }
    }

    /** Even an Error (out of memory, a driver's assertion) fails only this batch, never the writer. */
    private void writeSurviving(List<Pending> batch) {
        try {
            write(batch);
        } catch (Throwable failure) {
            log.error("Progress saves failed", failure);
            batch.forEach(view -> view.firstView().completeExceptionally(failure));
        }
    }

    private void write(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            boolean[] first = transaction.execute(status -> writeTogether(batch));
            for (int i = 0; i < batch.size(); i++) {
                settle(batch.get(i), first[i]);
            }
        } catch (RuntimeException together) {
            // One refused row must not fail everyone's save: one by one instead, each in its own transaction.
            batch.forEach(this::writeAlone);
        }
    }

    /** Hands the result to the waiting request, or announces a first view itself when nobody waits any more. */
    private void settle(Pending view, boolean first) {
        if (!view.firstView().complete(first) && first) {
            events.publishEvent(seen(view));
        }
    }

    private static SlideSeen seen(Pending view) {
        return new SlideSeen(view.accountId(), view.courseId(), view.place().moduleId(), view.place().slideId(),
                view.at().toInstant());
    }

    private void writeAlone(Pending view) {
        try {
            settle(view, writeOne(view));
        } catch (DuplicateKeyException raced) {
            // The same learner's other tab added the row a moment ago (possible only while the writer is not
            // running): written again, the row is found and kept.
            try {
                settle(view, writeOne(view));
            } catch (RuntimeException again) {
                view.firstView().completeExceptionally(again);
            }
        } catch (RuntimeException failed) {
            log.warn("A progress save failed: {}", failed.getMessage());
            view.firstView().completeExceptionally(failed);
        }
    }

    private boolean writeOne(Pending view) {
        return transaction.execute(status -> writeTogether(List.of(view)))[0];
    }

    /** The batch in one transaction, rows in key order so two nodes' batches never wait on each other in a circle. */
    private boolean[] writeTogether(List<Pending> batch) {
        Map<String, Pending> lastPlaces = new LinkedHashMap<>();
        batch.forEach(view -> lastPlaces.put(view.accountId() + " " + view.courseId(), view));
        List<Pending> places = lastPlaces.values().stream().sorted(Comparator.comparingLong(Pending::accountId)
                .thenComparing(Pending::courseId)).toList();
        jdbc.batchUpdate(placeUpsert, places, places.size(), SlideViews::bind);
        List<Pending> views = batch.stream().sorted(Comparator.comparingLong(Pending::accountId)
                .thenComparing(Pending::courseId).thenComparing(view -> view.place().moduleId())
                .thenComparing(view -> view.place().slideId())).toList();
        int[][] added = jdbc.batchUpdate(viewInsert, views, views.size(), SlideViews::bind);
        Map<Pending, Boolean> firstViews = new IdentityHashMap<>();
        int at = 0;
        for (int[] chunk : added) {
            for (int rows : chunk) {
                // A driver may answer "done, count unknown" (-2): then it may be new, and saying so is harmless.
                firstViews.put(views.get(at++), rows != 0);
            }
        }
        boolean[] first = new boolean[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            first[i] = firstViews.get(batch.get(i));
        }
        return first;
    }

    private static void bind(PreparedStatement statement, Pending view) throws SQLException {
        statement.setLong(1, view.accountId());
        statement.setString(2, view.courseId());
        statement.setString(3, view.place().moduleId());
        statement.setString(4, view.place().slideId());
        statement.setObject(5, view.at());
    }

    @Override
    public void start() {
        Thread thread = Thread.ofPlatform().name("slide-views").daemon().unstarted(this::writeBatches);
        writer = thread;
        thread.start();
    }

    /** The writer finishes what is queued; it is not interrupted, which would close the H2 file under it. */
    @Override
    public void stop() {
        Thread thread = writer;
        writer = null;
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }

    /** Started before the web server takes requests and stopped after it has answered the last one. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
