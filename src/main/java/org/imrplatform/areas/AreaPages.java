package org.imrplatform.areas;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The areas' pages (table area_page) and the generation every node's copies of them are checked against. */
@Repository
class AreaPages {

    private static final String COLUMNS = """
            select slug, area, center_text_en, center_text_es, focus_en, focus_es, contact_email as email,
                   contact_phone as phone, contact_web as website, contact_place as place, period_from, period_to,
                   revision from area_page
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

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
        return jdbc.sql("select count(*) from area_page where slug = ? or lower(area) = lower(?)")
                .params(slug, area).query(Long.class).single() > 0;
    }

    /** A new page for an area, its texts empty; its period starts a year before today. */
    @Transactional
    void add(String slug, String area) {
        jdbc.sql("""
                        insert into area_page (slug, area, center_text_en, center_text_es, focus_en, focus_es,
                                               period_from, revision, updated_at)
                        values (?, ?, '', '', '', '', ?, 0, ?)
                        """)
                .params(slug, area, LocalDate.now(clock).minusYears(1), now()).update();
        bump();
    }

    /**
     * Saves the form over the revision it was made from. False, changing nothing, when the page has been saved since
     * (another tab, a replayed form).
     */
    @Transactional
    boolean save(String slug, AreaPageForm form) {
        boolean saved = jdbc.sql("""
                        update area_page set center_text_en = ?, center_text_es = ?, focus_en = ?, focus_es = ?,
                            contact_email = ?, contact_phone = ?, contact_web = ?, contact_place = ?,
                            period_from = ?, period_to = ?, revision = revision + 1, updated_at = ?
                        where slug = ? and revision = ?
                        """)
                .params(text(form.centerTextEn()), text(form.centerTextEs()), text(form.focusEn()),
                        text(form.focusEs()), detail(form.email()), detail(form.phone()), detail(form.website()),
                        detail(form.place()), form.periodFrom(), form.periodTo(), now(), slug, form.revision())
                .update() == 1;
        if (saved) {
            bump();
        }
        return saved;
    }

    /** The number the nodes' copies are checked against: one cheap read per visit. */
    long generation() {
        return jdbc.sql("select generation from area_generation where id = 1").query(Long.class).single();
    }

    /** Makes every node's copies old; in the caller's transaction, so they move on together with the change. */
    void bump() {
        jdbc.sql("update area_generation set generation = generation + 1 where id = 1").update();
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
