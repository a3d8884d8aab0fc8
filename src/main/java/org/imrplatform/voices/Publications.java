package org.imrplatform.voices;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing and un-publishing comments. Each change writes its audit row and announces {@link VoicesChanged} in
 * its own transaction; a change that changes nothing (a form sent twice) writes and announces nothing.
 */
@Service
class Publications {

    enum Outcome { PUBLISHED, ALREADY_PUBLISHED, UNPUBLISHED, NOT_PUBLISHED, NO_SUCH_COMMENT }

    private final JdbcClient jdbc;
    private final FieldComments comments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Publications(JdbcClient jdbc, FieldComments comments, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.comments = comments;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Publishes the comment in the language it is written in. Two requests at once both pass the check; the
     * primary key lets one insert, and the other fails with a DuplicateKeyException, rolled back whole.
     */
    @Transactional
    Outcome publish(CommentRef ref, String language, long accountId) {
        if (!Voices.LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("Comments are published in en or es, not " + language);
        }
        FieldComment comment = comments.find(ref).orElse(null);
        if (comment == null) {
            return Outcome.NO_SUCH_COMMENT;
        }
        if (comment.isPublished()) {
            return Outcome.ALREADY_PUBLISHED;
        }
        OffsetDateTime now = now();
        jdbc.sql("""
                        insert into voice_publication (source, comment_id, language, published_by, published_at)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(ref.source().key, ref.id(), language, accountId, now).update();
        changed(comment, language, "PUBLISHED", accountId, now);
        return Outcome.PUBLISHED;
    }

    @Transactional
    Outcome unpublish(CommentRef ref, long accountId) {
        FieldComment comment = comments.find(ref).orElse(null);
        if (comment == null) {
            return Outcome.NO_SUCH_COMMENT;
        }
        int removed = jdbc.sql("delete from voice_publication where source = ? and comment_id = ?")
                .params(ref.source().key, ref.id()).update();
        if (removed == 0) {
            return Outcome.NOT_PUBLISHED;
        }
        changed(comment, comment.publishedIn(), "UNPUBLISHED", accountId, now());
        return Outcome.UNPUBLISHED;
    }

    private void changed(FieldComment comment, String language, String action, long accountId, OffsetDateTime at) {
        jdbc.sql("""
                        insert into voice_audit (source, comment_id, language, action, account_id, acted_at)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(comment.ref().source().key, comment.ref().id(), language, action, accountId, at).update();
        events.publishEvent(new VoicesChanged(comment.area() == null ? "" : comment.area()));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
