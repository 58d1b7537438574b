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

/**
 * {@code session_metrics}: a closed session's final metrics, one column per {@link SessionMetric}, each a whole
 * number in the figure's stored unit (so that sums are exact and alike on every database), NULL when the session
 * lacks the figure. Every statement on it is made from that list; nothing here names a metric.
 */
final class MetricsTable {

    static final String TABLE = "session_metrics";
    private static final List<SessionMetric> METRICS = SessionMetric.ALL;

    /**
     * A session that takes no more events, as the partial index of sessions awaiting their metrics and the queries
     * meant to use it spell it (SQLite uses a partial index only for a query that repeats its condition).
     */
    static final String CLOSED = "state IN " + Arrays.stream(SessionState.values())
            .filter(state -> !state.takesEvents())
            .map(state -> "'" + state.name() + "'")
            .collect(Collectors.joining(",", "(", ")"));
    /** Closed, and its metrics not stored yet: the condition of that index. */
    static final String AWAITING = CLOSED + " AND metrics_event_count IS NULL";
    static final String AWAITING_INDEX = "sessions_awaiting_metrics";

    private MetricsTable() {
    }

    static String createTable() {
        return "CREATE TABLE " + TABLE + " (session_id CHAR(64) NOT NULL PRIMARY KEY REFERENCES sessions (id), "
                + METRICS.stream().map(metric -> metric.column() + " BIGINT").collect(Collectors.joining(", "))
                + ")";
    }

    /** Inserts a session's row, or replaces it (another instance's finaliser may have stored it meanwhile). */
    static void upsert(Statements statements, String sessionId, MediaMetrics metrics) throws SQLException {
        PreparedStatement upsert = statements.prepare("INSERT INTO " + TABLE + " (session_id, "
                + METRICS.stream().map(SessionMetric::column).collect(Collectors.joining(", ")) + ") VALUES (?"
                + ", ?".repeat(METRICS.size()) + ") ON CONFLICT (session_id) DO UPDATE SET "
                + METRICS.stream().map(metric -> metric.column() + " = excluded." + metric.column())
                        .collect(Collectors.joining(", ")));
        upsert.setString(1, sessionId);
        for (SessionMetric metric : METRICS) {
            Long stored = metric.stored(metrics);
            if (stored == null) {
                upsert.setNull(metric.ordinal() + 2, Types.BIGINT);
            } else {
                upsert.setLong(metric.ordinal() + 2, stored);
            }
        }
        upsert.executeUpdate();
    }

    /** For each figure, its sum and how many rows have it, over the rows {@code alias} names in a query. */
    static String aggregates(String alias) {
        return METRICS.stream()
                .map(metric -> "SUM(" + alias + "." + metric.column() + "), COUNT(" + alias + "." + metric.column()
                        + ")")
                .collect(Collectors.joining(", "));
    }

    /** Adds the {@link #aggregates} read from {@code rows}, starting at column {@code first}, to {@code totals}. */
    static void addAggregates(ResultSet rows, int first, long closedSessions, MetricTotals totals)
            throws SQLException {
        long[] sums = new long[METRICS.size()];
        long[] reported = new long[METRICS.size()];
        for (int i = 0; i < sums.length; i++) {
            sums[i] = rows.getLong(first + 2 * i);
            reported[i] = rows.getLong(first + 2 * i + 1);
        }
        totals.addStored(closedSessions, sums, reported);
    }
}
