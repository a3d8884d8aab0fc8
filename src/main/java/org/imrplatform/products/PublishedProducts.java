package org.imrplatform.products;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The products of an area as anyone may see them (its public page), newest first. */
@Service
public class PublishedProducts {

    private final JdbcClient jdbc;

    PublishedProducts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The area's products (any case) released on or before the day: the products the outcome figures count. */
    public List<Product> ofArea(String area, LocalDate releasedBy) {
        return jdbc.sql(ProductCatalog.COLUMNS + " where lower(area) = ? and released_on <= ?"
                        + " order by released_on desc, id desc")
                .params(area.trim().toLowerCase(Locale.ROOT), releasedBy).query(ProductCatalog::product).list();
    }
}
