package org.imrplatform.xapi;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.imrplatform.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The learning records page in a browser, reached from the administration home page: axe clean with a refused
 * statement listed and after sending it again (a plain form post; this context has no store configured).
 */
class LearningRecordsBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAdministratorSendsARefusedStatementAgain() {
        String id = UUID.randomUUID().toString();
        OffsetDateTime queued = OffsetDateTime.now().minusDays(2);
        jdbc.sql("""
                        insert into xapi_statement (id, verb, body, created_at, status, attempts, next_attempt_at,
                                                    failure)
                        values (?, 'answered', '{}', ?, 'FAILED', 1, ?, '400')""")
                .params(id, queued, queued).update();

        signInAsAdministrator("/home/administration");
        click(AriaRole.LINK, "Learning records");
        assertThat(page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Learning records").setLevel(1))).isVisible();
        assertThat(page.getByText("No learning record store is configured", new com.microsoft.playwright.Page
                .GetByTextOptions().setExact(false))).isVisible();
        Locator row = page.locator("#statement-" + id);
        assertThat(row).containsText("The store answered with status 400.");
        assertAccessible(page);

        row.getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText(
                "The statement is queued again and will be sent within a minute.");
        assertThat(page.locator("#statement-" + id)).hasCount(0);
        assertAccessible(page);
        assertThat(jdbc.sql("select status from xapi_statement where id = ?").param(id).query(String.class).single())
                .isEqualTo("PENDING");
        // Nothing is sent while no store is configured: the statement waits for one.
        jdbc.sql("delete from xapi_statement where id = ?").param(id).update();
    }
}
