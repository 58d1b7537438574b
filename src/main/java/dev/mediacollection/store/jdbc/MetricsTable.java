package dev.mediacollection.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.mediacollection.metrics.MediaMetrics;
import dev.mediacollection.metrics.MetricTotals;
import dev.mediacollection.metrics.SessionMetric;
import dev.mediacollection.session.SessionState;
import dev.mediacollection.store.ReportDimension;

/**
 * {@code session_metrics}: a closed session's final metrics, one column per {@link SessionMetric}, each a whole
 * number in the figure's stored unit (so that sums are exact and alike on every database), NULL when the session
 * lacks the figure; and beside them what reports select and group by, copied from the session, which never changes
 * once it is closed: so a report adds up this one table, with no join. Every statement on it is made from the list;
 * nothing here names a metric.
 */
final class MetricsTable {

    static final String TABLE = "session_metrics";
    private static final List<SessionMetric> METRICS = SessionMetric.ALL;
    /**
     * The session's own columns, as reports select and group by them. The UTC day and hour it opened (whole days and
     * hours since the epoch) are columns of their own, not expressions of {@code created_at}: PostgreSQL has no
     * statistics for an expression, expects a group per row, and sorts every row instead of hashing a few groups.
     */
    private static final String SESSION_COLUMNS = "session_id, created_at, opened_day, opened_hour, state, media_id,"
            + " player_name, channel, content_type";

    private static final String CLOSED_STATES = Arrays.stream(SessionState.values())
            .filter(state -> !state.takesEvents())
            .map(state -> "'" + state.name() + "'")
            .collect(Collectors.joining(",", "(", ")"));
    /** The partial index of the sessions {@link #awaiting} their metrics. */
    static final String AWAITING_INDEX = "sessions_awaiting_metrics";

    /** A session that takes no more events; {@code qualifier}: the table's name and a dot, or nothing. */
    static String closed(String qualifier) {
        return qualifier + "state IN " + CLOSED_STATES;
    }

    /**
     * Closed, and its metrics not stored yet: the condition of the partial index, which the queries meant to use it
     * repeat (SQLite uses a partial index only for a query that states its condition).
     */
    static String awaiting(String qualifier) {
        return closed(qualifier) + " AND " + qualifier + "metrics_event_count IS NULL";
    }

    private MetricsTable() {
    }

    /**
     * The table and the index of report time ranges. The {@code sessionStart}'s params may be missing: a validation
     * profile may keep a {@code sessionStart} without them (V4).
     */
    static List<String> create() {
        return List.of("CREATE TABLE " + TABLE + " (session_id CHAR(64) NOT NULL PRIMARY KEY REFERENCES sessions (id),"
                + " created_at BIGINT NOT NULL, opened_day BIGINT NOT NULL, opened_hour BIGINT NOT NULL,"
                + " state VARCHAR(16) NOT NULL, media_id TEXT, player_name TEXT, channel TEXT, content_type TEXT, "
                + METRICS.stream().map(metric -> metric.column() + " BIGINT").collect(Collectors.joining(", "))
                + ")",
                "CREATE INDEX session_metrics_by_creation ON " + TABLE + " (created_at)");
    }

    /**
     * Inserts a session's row, or replaces it (another instance's finaliser may have stored it meanwhile), with the
     * session's own columns copied from where the session is stored, in the same transaction.
     */
    static void upsert(Statements statements, String sessionId, MediaMetrics metrics) throws SQLException {
        PreparedStatement upsert = statements.prepare("INSERT INTO " + TABLE + " (" + SESSION_COLUMNS + ", "
                + METRICS.stream().map(SessionMetric::column).collect(Collectors.joining(", ")) + ")"
                + " SELECT sessions.id, sessions.created_at, sessions.created_at / "
                + ReportDimension.DAY.bucketMillis() + ", sessions.created_at / " + ReportDimension.HOUR.bucketMillis()
                + ", sessions.state, start.media_id, start.player_name, start.channel, start.content_type"
                + ", ?".repeat(METRICS.size())
                + " FROM sessions JOIN session_starts start ON start.session_id = sessions.id WHERE sessions.id = ?"
                + " ON CONFLICT (session_id) DO UPDATE SET "
                + METRICS.stream().map(metric -> metric.column() + " = excluded." + metric.column())
                        .collect(Collectors.joining(", ")));
        for (SessionMetric metric : METRICS) {
            Long stored = metric.stored(metrics);
            if (stored == null) {
                upsert.setNull(1 + metric.ordinal(), Types.BIGINT);
            } else {
                upsert.setLong(1 + metric.ordinal(), stored);
            }
        }
        upsert.setString(1 + METRICS.size(), sessionId);
        upsert.executeUpdate();
    }

    /**
     * Each figure's sum over the rows {@code alias} names in a query; and, for a figure only some sessions have, how
     * many rows have it (every row has the others).
     */
    static String aggregates(String alias) {
        return METRICS.stream()
                .map(metric -> "SUM(" + alias + "." + metric.column() + ")"
                        + (metric.presence() == SessionMetric.Presence.ALWAYS ? ""
                                : ", COUNT(" + alias + "." + metric.column() + ")"))
                .collect(Collectors.joining(", "));
    }

    /** Adds {@code rows}' {@link #aggregates}, from column {@code first} on, for {@code sessions} rows. */
    static void addAggregates(ResultSet rows, int first, long sessions, MetricTotals totals) throws SQLException {
        long[] sums = new long[METRICS.size()];
        long[] reported = new long[METRICS.size()];
        int column = first;
        for (SessionMetric metric : METRICS) {
            sums[metric.ordinal()] = rows.getLong(column++);
            reported[metric.ordinal()] = metric.presence() == SessionMetric.Presence.ALWAYS
                    ? sessions : rows.getLong(column++);
        }
        totals.addStored(sessions, sums, reported);
    }
}
