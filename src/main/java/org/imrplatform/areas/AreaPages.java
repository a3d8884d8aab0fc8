package org.imrplatform.areas;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The areas' pages (table area_page) and the generation every node's copies of them are checked against. */
@Repository
class AreaPages {

    private static final String COLUMNS = """
            select slug, area, name_es, center_text_en, center_text_es, focus_en, focus_es, contact_email as email,
                   contact_phone as phone, contact_web as website, contact_place as place, period_from, period_to,
                   revision from area_page
            """;

    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** The generation as last read, and when (System.nanoTime: an interval, not a date). */
    private record Read(long generation, long atNanos) {

        /** A read that is never fresh; each is its own instance, so a read racing with it cannot replace it. */
        static Read forgotten() {
            return new Read(-1, System.nanoTime() - FRESH_NANOS);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicReference<Read> lastRead = new AtomicReference<>(Read.forgotten());

    AreaPages(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<AreaPage> all() {
        return jdbc.sql(COLUMNS + " order by area").query(AreaPage.class).list();
    }

    Optional<AreaPage> find(String slug) {
        return jdbc.sql(COLUMNS + " where slug = ?").param(slug).query(AreaPage.class).optional();
    }

    boolean exists(String slug, String area) {
        return jdbc.sql("select count(*) from area_page where slug = ? or area_key = ?")
                .params(slug, area.toLowerCase(Locale.ROOT)).query(Long.class).single() > 0;
    }

    /** A new page for an area, its texts empty; its period starts a year before today. */
    @Transactional
    void add(String slug, String area) {
        jdbc.sql("""
                        insert into area_page (slug, area, area_key, center_text_en, center_text_es, focus_en,
                                               focus_es, period_from, revision, updated_at)
                        values (?, ?, ?, '', '', '', '', ?, 0, ?)
                        """)
                .params(slug, area, area.toLowerCase(Locale.ROOT), LocalDate.now(clock).minusYears(1), now()).update();
        bump();
    }

    /**
     * Saves the form over the revision it was made from. False, changing nothing, when the page has been saved since
     * (another tab, a replayed form).
     */
    @Transactional
    boolean save(String slug, AreaPageForm form) {
        boolean saved = jdbc.sql("""
                        update area_page set name_es = ?, center_text_en = ?, center_text_es = ?, focus_en = ?, focus_es = ?,
                            contact_email = ?, contact_phone = ?, contact_web = ?, contact_place = ?,
                            period_from = ?, period_to = ?, revision = revision + 1, updated_at = ?
                        where slug = ? and revision = ?
                        """)
                .params(text(form.nameEs()), text(form.centerTextEn()), text(form.centerTextEs()), text(form.focusEn()),
                        text(form.focusEs()), detail(form.email()), detail(form.phone()), detail(form.website()),
                        detail(form.place()), form.periodFrom(), form.periodTo(), now(), slug, form.revision())
                .update() == 1;
        if (saved) {
            bump();
        }
        return saved;
    }

    /**
     * The number the nodes' copies are checked against, read from the database at most once a second: a change made
     * on this node is seen at once (its commit forgets the number read), one made on another node within a second.
     */
    long generation() {
        Read last = lastRead.get();
        if (System.nanoTime() - last.atNanos() < FRESH_NANOS) {
            return last.generation();
        }
        long generation = jdbc.sql("select generation from area_generation where id = 1").query(Long.class).single();
        // Kept only if no change committed on this node while it was read (that change set a new Read of its own).
        lastRead.compareAndSet(last, new Read(generation, System.nanoTime()));
        return generation;
    }

    /** Makes every node's copies old; in the caller's transaction, so they move on together with the change. */
    void bump() {
        jdbc.sql("update area_generation set generation = generation + 1 where id = 1").update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    lastRead.set(Read.forgotten());
                }
            });
        } else {
            lastRead.set(Read.forgotten());
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static String detail(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
