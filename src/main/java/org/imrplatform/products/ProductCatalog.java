package org.imrplatform.products;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The center's products (table product), newest first. */
@Repository
class ProductCatalog {

    private final JdbcClient jdbc;
    private final Clock clock;

    ProductCatalog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Product> all() {
        return jdbc.sql("select id, title, kind, area, released_on from product order by released_on desc, id desc")
                .query((rs, row) -> new Product(rs.getLong(1), rs.getString(2), ProductKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getObject(5, LocalDate.class)))
                .list();
    }

    void add(ProductForm form) {
        jdbc.sql("insert into product (title, kind, area, released_on, created_at) values (?, ?, ?, ?, ?)")
                .params(form.title().trim(), form.kind().name(), form.area().trim(), form.releasedOn(),
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
    }
}
