package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.imrplatform.fidelity.AppendOnlyTrigger;
import org.imrplatform.fidelity.AuditChain;

/**
 * The review audit log becomes append-only and tamper-evident. Each entry gets its chained hash (computed here for
 * the entries already written); the one row of review_audit_head holds the latest entry, serializes writers and,
 * by referring to that entry, keeps the table from being truncated. A trigger then refuses every update and delete:
 * PL/pgSQL on PostgreSQL (truncate too), a Java trigger on H2. Java because the trigger differs per database.
 */
public class V26__Audit_append_only extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("alter table review_audit add column hash varchar(64)");
            String last = chainExistingEntries(connection);
            sql.execute("alter table review_audit alter column hash set not null");
            sql.execute("""
                    create table review_audit_head (
                        id        integer     not null primary key,
                        last_id   bigint      references review_audit (id),
                        last_hash varchar(64) not null,
                        constraint review_audit_head_one_ck check (id = 1)
                    )""");
            try (PreparedStatement head = connection.prepareStatement(
                    "insert into review_audit_head (id, last_id, last_hash) values (1,"
                            + " (select max(id) from review_audit), ?)")) {
                head.setString(1, last);
                head.executeUpdate();
            }
            if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                sql.execute("""
                        create function review_audit_refuse_change() returns trigger language plpgsql as $$
                        begin
                            raise exception 'review_audit is append-only: % refused', tg_op
                                using errcode = 'insufficient_privilege';
                        end $$""");
                sql.execute("create trigger review_audit_append_only before update or delete on review_audit"
                        + " for each row execute function review_audit_refuse_change()");
                sql.execute("create trigger review_audit_no_truncate before truncate on review_audit"
                        + " for each statement execute function review_audit_refuse_change()");
            } else {
                sql.execute("create trigger review_audit_append_only before update, delete on review_audit"
                        + " for each row call '" + AppendOnlyTrigger.class.getName() + "'");
            }
        }
    }

    /** Chains the entries written so far, in the order written; returns the last hash. */
    private static String chainExistingEntries(Connection connection) throws SQLException {
        String previous = AuditChain.START;
        try (Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery(
                        "select id, at, account_id, action, review_id from review_audit order by id");
                PreparedStatement update = connection.prepareStatement(
                        "update review_audit set hash = ? where id = ?")) {
            while (rows.next()) {
                previous = AuditChain.link(previous, rows.getObject(2, OffsetDateTime.class).toInstant(),
                        rows.getLong(3), rows.getString(4), rows.getLong(5));
                update.setString(1, previous);
                update.setLong(2, rows.getLong(1));
                update.executeUpdate();
            }
        }
        return previous;
    }
}
