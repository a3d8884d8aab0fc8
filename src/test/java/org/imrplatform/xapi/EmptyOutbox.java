package org.imrplatform.xapi;

import java.time.OffsetDateTime;

import org.imrplatform.support.TestLrs;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test set-up: the store works, is not backed off, and every statement other tests left waiting is sent, so a test
 * starts clean.
 */
final class EmptyOutbox {

    private EmptyOutbox() {
    }

    static void sendEverythingWaiting(JdbcClient jdbc, StatementSender sender) {
        TestLrs.shared().answer(TestLrs.Mode.STORE);
        TestLrs.shared().up();
        jdbc.sql("update xapi_statement set next_attempt_at = ? where status = 'PENDING'")
                .param(OffsetDateTime.now().minusSeconds(1)).update();
        jdbc.sql("update xapi_store_backoff set failures = 0, resume_at = ? where id = 1")
                .param(OffsetDateTime.now().minusSeconds(1)).update();
        sender.sendDue();
    }

    /** Time passes: the store's back-off is over, it may be asked again (by one sender, with one statement). */
    static void storeDue(JdbcClient jdbc) {
        jdbc.sql("update xapi_store_backoff set resume_at = ? where id = 1")
                .param(OffsetDateTime.now().minusSeconds(1)).update();
    }

    /** When the store is asked again. */
    static OffsetDateTime storeResumesAt(JdbcClient jdbc) {
        return jdbc.sql("select resume_at from xapi_store_backoff where id = 1").query(OffsetDateTime.class).single();
    }
}
