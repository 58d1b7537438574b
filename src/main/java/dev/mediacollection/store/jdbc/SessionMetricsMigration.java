package dev.mediacollection.store.jdbc;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * V6, what reports need: the {@code sessionStart}'s channel and content type beside its media id and player name (and
 * filled in for the sessions already stored), on each session the event count its stored metrics were computed
 * from, with an index of the closed sessions still waiting for them, and the metrics table made from the metric list
 * ({@link MetricsTable}). Java rather than a script, since the table's columns come from code.
 *
 * <p>Changing the metric list later takes a migration that makes the table again from the list and empties
 * {@code metrics_event_count}, so that the finaliser computes every closed session's row again: the rows are derived
 * from the events, never the only copy of anything.
 */
final class SessionMetricsMigration implements JavaMigration {

    private final SqlDialect dialect;

    SessionMetricsMigration(SqlDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("6");
    }

    @Override
    public String getDescription() {
        return "session metrics";
    }

    /** None: the table follows the metric list, and a later migration remakes it when the list changes. */
    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : statements()) {
                statement.execute(sql);
            }
        }
    }

    List<String> statements() {
        return Stream.concat(Stream.of(
                // Filled in when a session is created; those stored before, from their sessionStart as received.
                "ALTER TABLE session_starts ADD COLUMN channel TEXT",
                "ALTER TABLE session_starts ADD COLUMN content_type TEXT",
                "UPDATE session_starts SET channel = " + dialect.startParam("media.channel")
                        + ", content_type = " + dialect.startParam("media.contentType"),
                // No event changes it, so it keeps PostgreSQL's updates of a session row in place (HOT) as before.
                "ALTER TABLE sessions ADD COLUMN metrics_event_count BIGINT",
                "CREATE INDEX " + MetricsTable.AWAITING_INDEX + " ON sessions (closed_at) WHERE "
                        + MetricsTable.awaiting("")), MetricsTable.create().stream()).toList();
    }
}
