package org.imrplatform.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The center's events as the public may see them (an area's page, a product's source), soonest last. */
@Service
public class PublicEvents {

    private static final String COLUMNS = "select id, title, kind, format, starts_on, ends_on, area from outreach_event";

    private final JdbcClient jdbc;

    PublicEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The area's events (any case), latest first. */
    public List<PublicEvent> ofArea(String area) {
        return jdbc.sql(COLUMNS + " where area_key = ? order by starts_on desc, id desc")
                .param(area.trim().toLowerCase(Locale.ROOT)).query(this::event).list();
    }

    public Optional<PublicEvent> find(long id) {
        return jdbc.sql(COLUMNS + " where id = ?").param(id).query(this::event).optional();
    }

    /** Every event, latest first, for choosing one. */
    public List<PublicEvent> all() {
        return jdbc.sql(COLUMNS + " order by starts_on desc, id desc").query(this::event).list();
    }

    private PublicEvent event(ResultSet rs, int row) throws SQLException {
        return new PublicEvent(rs.getLong(1), rs.getString(2), EventKind.valueOf(rs.getString(3)),
                EventFormat.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class), rs.getString(7));
    }
}
