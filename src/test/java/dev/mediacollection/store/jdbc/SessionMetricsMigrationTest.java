package dev.mediacollection.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import dev.mediacollection.metrics.SessionMetric;

/**
 * V6 on a database that already holds sessions: their channel and content type are read from the sessionStarts as
 * stored, the closed ones await their metrics, and the metrics table has the session's report columns, then a
 * column per metric of the list. On SQLite
 * here; {@code PostgresSessionMetricsMigrationTest} runs the same on PostgreSQL.
 */
class SessionMetricsMigrationTest {

    @TempDir
    Path dataDir;

    protected DataSource dataSource() {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + dataDir.resolve("sessions.db"));
        return sqlite;
    }

    protected SqlDialect dialect() {
        return SqlDialect.SQLITE;
    }

    @Test
    void sessionsStoredBeforeGetTheirDimensionsAndTheClosedOnesAwaitMetrics() throws SQLException {
        DataSource database = dataSource();
        flyway(database).target("2").load().migrate();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO sessions VALUES ('" + "a".repeat(64) + "', 1, 'CLOSED', 1, 0, 1, 2,"
                    + " 'SESSION_END', 1)");
            statement.execute("INSERT INTO sessions VALUES ('" + "b".repeat(64) + "', 1, 'OPEN', 1, 0, 1, NULL,"
                    + " NULL, 0)");
            for (String id : List.of("a".repeat(64), "b".repeat(64))) {
                statement.execute("INSERT INTO session_starts VALUES ('" + id + "', 1, 0, '{\"eventType\":"
                        + "\"sessionStart\",\"params\":{\"media.id\":\"v\",\"media.playerName\":\"p\","
                        + "\"media.channel\":\"sports\",\"media.contentType\":\"vod\"}}', 'v', 'p')");
            }
        }

        JdbcStores.migrate(database, dialect());

        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT DISTINCT channel, content_type FROM session_starts")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("sports");
                assertThat(rows.getString(2)).isEqualTo("vod");
                assertThat(rows.next()).isFalse();
            }
            try (ResultSet rows = statement.executeQuery("SELECT id FROM sessions WHERE " + MetricsTable.awaiting(""))) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("a".repeat(64));
                assertThat(rows.next()).isFalse();
            }
            try (ResultSet columns = connection.getMetaData().getColumns(null, null, MetricsTable.TABLE, null)) {
                List<String> names = new ArrayList<>();
                while (columns.next()) {
                    names.add(columns.getString("COLUMN_NAME"));
                }
                assertThat(names).containsExactlyElementsOf(Stream.concat(Stream.of("session_id", "created_at",
                        "opened_day", "opened_hour", "state", "media_id", "player_name", "channel", "content_type"),
                        SessionMetric.ALL.stream().map(SessionMetric::column)).toList());
            }
        }
    }

    private FluentConfiguration flyway(DataSource database) {
        return Flyway.configure().dataSource(database).resourceProvider(new Migrations())
                .javaMigrationClassProvider(List::of).javaMigrations(Migrations.javaMigrations(dialect()));
    }
}
