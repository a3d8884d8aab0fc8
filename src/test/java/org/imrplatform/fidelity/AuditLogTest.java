package org.imrplatform.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log on the configured database (H2, or PostgreSQL in its run): rows cannot be changed or removed, an
 * entry lives and dies with the change it records, the chain checks out, and administrators page through it.
 */
@PlatformTest
class AuditLogTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    FidelityReviews reviews;

    @Autowired
    Instruments instruments;

    @Autowired
    TransactionTemplate transaction;

    private long adminId;
    private long programId;

    @BeforeEach
    void setUpAProgram() {
        adminId = jdbc.sql("select id from account where email_key = 'admin@example.org'").query(Long.class).single();
        GeneratedKeyHolder site = new GeneratedKeyHolder();
        jdbc.sql("insert into site (name, created_at) values (?, ?)")
                .params("Audited site " + UUID.randomUUID(), OffsetDateTime.now()).update(site, "id");
        GeneratedKeyHolder program = new GeneratedKeyHolder();
        jdbc.sql("insert into imr_program (site_id, name, created_at) values (?, 'IMR', ?)")
                .params(site.getKey().longValue(), OffsetDateTime.now()).update(program, "id");
        programId = program.getKey().longValue();
    }

    private long newReview() {
        return reviews.create(instruments.latest("imr-fidelity-scale").orElseThrow(),
                new FidelityReviews.Subject(programId, null, null, null, LocalDate.of(2026, 3, 2)), adminId);
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveEntries() {
        long review = newReview();
        assertThatThrownBy(() -> jdbc.sql("update review_audit set action = 'VIEWED' where review_id = ?")
                .param(review).update()).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from review_audit where review_id = ?").param(review).update())
                .rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.sql("select action from review_audit where review_id = ?").param(review).query(String.class)
                .list()).containsExactly("CREATED");
        assertThat(audit.check().intact()).isTrue();
    }

    @Test
    void aChangeAndItsEntryAreOneTransaction() {
        Long[] created = new Long[1];
        transaction.executeWithoutResult(status -> {
            created[0] = newReview();
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from review_audit where review_id = ?").param(created[0])
                .query(Long.class).single()).isZero();
        assertThat(reviews.find(created[0])).isEmpty();
        assertThat(audit.check().intact()).as("a rolled-back entry leaves the chain whole").isTrue();
    }

    @Test
    void writersAtTheSameTimeAppendOneAfterAnother() throws Exception {
        long review = newReview();
        try (ExecutorService writers = Executors.newFixedThreadPool(8)) {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                writes.add(writers.submit(() -> audit.record(adminId, AuditLog.Action.VIEWED, review)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        }
        assertThat(jdbc.sql("select count(*) from review_audit where review_id = ?").param(review).query(Long.class)
                .single()).isEqualTo(41);
        assertThat(audit.check().intact()).isTrue();
    }

    @Test
    void administratorsPageThroughTheLogNewestFirst() throws Exception {
        long review = newReview();
        for (int i = 0; i < 55; i++) {
            audit.record(adminId, AuditLog.Action.VIEWED, review);
        }
        Cookie admin = Learners.administrator(mvc);
        String link = "/practice/reviews/" + review + "\"";
        String first = mvc.perform(get("/admin/audit").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Page 1 of the log, newest first"),
                        containsString("href=\"/admin/audit?page=2\""), not(containsString("Newer entries")))))
                .andReturn().getResponse().getContentAsString();
        assertThat(Pattern.compile(Pattern.quote(link)).matcher(first).results().count()).isEqualTo(50);
        String second = mvc.perform(get("/admin/audit").param("page", "2").cookie(admin))
                .andExpect(content().string(allOf(containsString("Page 2 of the log"),
                        containsString("href=\"/admin/audit?page=1\""), containsString("Newer entries"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(second).contains(link).contains("Created");

        for (String page : new String[] {"-1", "0", "abc", "", "99999999999", "2147483647", "1e3"}) {
            mvc.perform(get("/admin/audit").param("page", page).cookie(admin)).andExpect(status().isOk());
        }
        mvc.perform(get("/admin/audit").param("page", "2147483647").cookie(admin))
                .andExpect(content().string(containsString("No entries on this page.")));
        mvc.perform(get("/admin/audit/check").cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("entries check out")));
    }
}
