package org.imrplatform.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V26 chains the entries written before it and then makes the table append-only. Run on a database stopped at V24 (V25 belongs to another change)
 * and then brought up to date (H2; AuditLogTest checks the trigger on the configured database, PostgreSQL too).
 */
class AuditMigrationTest {

    @Test
    void entriesWrittenBeforeTheMigrationAreChainedAndFixed() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:audit-migration-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(database).target("24").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        OffsetDateTime now = OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 123_456_000, ZoneOffset.UTC);
        jdbc.sql("insert into account (id, email, email_key, full_name, discipline, organization, region, enabled,"
                + " created_at) values (1, 'a@example.org', 'a@example.org', 'A', 'OTHER', 'O', 'OTHER', true, ?)").param(now).update();
        jdbc.sql("insert into site (id, name, created_at) values (1, 'S', ?)").param(now).update();
        jdbc.sql("insert into imr_program (id, site_id, name, created_at) values (1, 1, 'P', ?)").param(now).update();
        jdbc.sql("insert into fidelity_review (id, instrument_id, instrument_version, program_id, reviewed_on, sources,"
                + " status, revision, created_by, created_at) values (1, 'imr-fidelity-scale', 1, 1, date '2026-03-02',"
                + " '', 'DRAFT', 1, 1, ?)").param(now).update();
        for (String action : new String[] {"CREATED", "VIEWED", "SAVED"}) {
            jdbc.sql("insert into review_audit (at, account_id, action, review_id) values (?, 1, ?, 1)")
                    .params(now, action).update();
        }

        Flyway.configure().dataSource(database).load().migrate();

        AuditLog log = new AuditLog(jdbc, Clock.systemUTC());
        assertThat(log.check()).isEqualTo(new AuditChain.Check(3, null, false));
        log.record(1, AuditLog.Action.SUBMITTED, 1);
        assertThat(log.check()).isEqualTo(new AuditChain.Check(4, null, false));
        assertThatThrownBy(() -> jdbc.sql("update review_audit set action = 'VIEWED' where action = 'SAVED'").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from review_audit").update()).rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate table review_audit").update())
                .as("the head refers to the latest entry").isInstanceOf(RuntimeException.class);
        assertThat(jdbc.sql("select count(*) from review_audit").query(Long.class).single()).isEqualTo(4);
    }
}
