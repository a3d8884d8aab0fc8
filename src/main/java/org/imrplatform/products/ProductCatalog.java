package org.imrplatform.products;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The center's products (table product), newest first. */
@Repository
class ProductCatalog {

    static final String COLUMNS = "select id, title, kind, area, released_on, description, link, event_id from product";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher changes;

    ProductCatalog(JdbcClient jdbc, Clock clock, ApplicationEventPublisher changes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.changes = changes;
    }

    List<Product> all() {
        return jdbc.sql(COLUMNS + " order by released_on desc, id desc").query(ProductCatalog::product).list();
    }

    void add(ProductForm form) {
        jdbc.sql("""
                        insert into product (title, kind, area, released_on, created_at, description, link, event_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(form.title().trim(), form.kind().name(), form.area().trim(), form.releasedOn(),
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), blankAsNull(form.description()),
                        blankAsNull(form.link()), form.eventId())
                .update();
        changes.publishEvent(new ProductsChanged(form.area().trim()));
    }

    static Product product(ResultSet rs, int row) throws SQLException {
        return new Product(rs.getLong(1), rs.getString(2), ProductKind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getObject(8, Long.class));
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
