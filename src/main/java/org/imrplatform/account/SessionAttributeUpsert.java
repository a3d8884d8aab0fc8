package org.imrplatform.account;

import org.imrplatform.shared.Database;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Saves a session attribute as an insert-or-update. Two requests of one person at once (a double click, two tabs)
 * may both add the same attribute, such as the message carried to the next page; with Spring Session's plain insert
 * the second failed on the primary key and the person got an error page (ParallelRequestsTest).
 */
@Component
class SessionAttributeUpsert implements SessionRepositoryCustomizer<JdbcIndexedSessionRepository> {

    /** H2's own upsert: PostgreSQL's ON CONFLICT ... DO UPDATE is not in H2. */
    private static final String H2_QUERY = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)
            """;

    private final boolean postgres;

    SessionAttributeUpsert(Database database) {
        this.postgres = database.isPostgres();
    }

    @Override
    public void customize(JdbcIndexedSessionRepository sessions) {
        if (postgres) {
            new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(sessions);
        } else {
            sessions.setCreateSessionAttributeQuery(H2_QUERY);
        }
    }
}
