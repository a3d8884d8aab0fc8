package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.imrplatform.events.AnonymousAnswers;

/**
 * Anonymous survey responses imported before this were keyed by their file's checksum and row, which another save of
 * the same export does not share; they get their {@link AnonymousAnswers} keys, event by event, so that importing
 * that export again finds them. Java because the key is computed by the code that reads survey files.
 */
public class V33__Anonymous_answer_keys extends BaseJavaMigration {

    private record Stored(String key, List<Integer> ratings, String comments) {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<Long> events = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select distinct event_id"
                + " from event_survey_response where response_key like 'anonymous:%'");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                events.add(rs.getLong(1));
            }
        }
        for (long event : events) {
            rekey(connection, event);
        }
    }

    /** One event's anonymous responses, in the order they were imported. */
    private static void rekey(Connection connection, long event) throws SQLException {
        List<Stored> stored = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select response_key, overall_quality, recommend, benefit, use_in_practice, comments
                from event_survey_response where event_id = ? and response_key like 'anonymous:%'
                order by imported_at, response_key
                """)) {
            query.setLong(1, event);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    stored.add(new Stored(rs.getString(1), Arrays.asList(rs.getObject(2, Integer.class),
                            rs.getObject(3, Integer.class), rs.getObject(4, Integer.class),
                            rs.getObject(5, Integer.class)), rs.getString(6)));
                }
            }
        }
        AnonymousAnswers keys = new AnonymousAnswers();
        try (PreparedStatement update = connection.prepareStatement(
                "update event_survey_response set response_key = ? where event_id = ? and response_key = ?")) {
            for (Stored response : stored) {
                update.setString(1, keys.key(response.ratings(), response.comments()));
                update.setLong(2, event);
                update.setString(3, response.key());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
