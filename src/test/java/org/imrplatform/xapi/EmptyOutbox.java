package org.imrplatform.xapi;

import java.time.OffsetDateTime;

import org.imrplatform.support.TestLrs;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test set-up: the store works and every statement other tests left waiting is sent, so a test starts clean. */
final class EmptyOutbox {

    private EmptyOutbox() {
    }

    static void sendEverythingWaiting(JdbcClient jdbc, StatementSender sender) {
        TestLrs.shared().answer(TestLrs.Mode.STORE);
        TestLrs.shared().up();
        jdbc.sql("update xapi_statement set next_attempt_at = ? where status = 'PENDING'")
                .param(OffsetDateTime.now().minusSeconds(1)).update();
        sender.sendDue();
    }
}
