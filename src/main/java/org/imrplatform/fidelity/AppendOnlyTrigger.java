package org.imrplatform.fidelity;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * On H2, refuses every update and delete of the audit log's rows (V26 installs it; PostgreSQL has a PL/pgSQL trigger
 * instead). Public with a public constructor because H2 creates it by its name.
 */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("review_audit is append-only: its rows cannot be changed or removed", "42501");
    }
}
