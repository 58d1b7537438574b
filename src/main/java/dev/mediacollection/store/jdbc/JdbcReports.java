package dev.mediacollection.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import dev.mediacollection.metrics.MediaMetrics;
import dev.mediacollection.metrics.MetricTotals;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.StoredEvent;
import dev.mediacollection.session.StoredSession;
import dev.mediacollection.store.EventQuery;
import dev.mediacollection.store.ReportDimension;
import dev.mediacollection.store.ReportQuery;

/**
 * The SQL of reports and of the finaliser's work, on a connection the store hands over: closed sessions' metrics
 * kept in {@link MetricsTable} and added up by the database with GROUP BY; the other sessions replayed.
 */
final class JdbcReports {

    /** The stored metrics are those of the session as it stands: no event arrived after they were computed. */
    private static final String CURRENT = "sessions.metrics_event_count = sessions.event_count";

    private JdbcReports() {
    }

    /** Uses the partial index of the sessions awaiting metrics: it costs what is awaited, not what is stored. */
    static List<StoredSession> awaitingMetrics(Statements statements, SqlDialect dialect, Instant closedBy, int limit)
            throws SQLException {
        PreparedStatement select = statements.prepare(JdbcSessionStore.selectSessions(
                "sessions" + dialect.indexedBy(MetricsTable.AWAITING_INDEX))
                + " WHERE sessions." + MetricsTable.CLOSED + " AND sessions.metrics_event_count IS NULL"
                + " AND sessions.closed_at <= ? ORDER BY sessions.closed_at LIMIT ?");
        select.setLong(1, closedBy.toEpochMilli());
        select.setInt(2, limit);
        List<StoredSession> sessions = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                sessions.add(JdbcSessionStore.storedSession(rows));
            }
        }
        return sessions;
    }

    /** Stores the row only if the session is closed and still has the events the metrics were computed from. */
    static boolean storeMetrics(Statements statements, String sessionId, long eventCount, MediaMetrics metrics)
            throws SQLException {
        PreparedStatement mark = statements.prepare("UPDATE sessions SET metrics_event_count = ? WHERE id = ?"
                + " AND event_count = ? AND " + MetricsTable.CLOSED);
        mark.setLong(1, eventCount);
        mark.setString(2, sessionId);
        mark.setLong(3, eventCount);
        if (mark.executeUpdate() == 0) {
            return false;
        }
        MetricsTable.upsert(statements, sessionId, metrics);
        return true;
    }

    /**
     * Two queries in one snapshot, so that a session the finaliser stores meanwhile is counted once: the totals of
     * the sessions with current stored metrics, by group, from the database; then, only if some selected session has
     * none, those sessions and their events, replayed.
     */
    static Map<String, MetricTotals> report(Statements statements, SqlDialect dialect, ReportQuery query,
            BiFunction<Session, List<StoredEvent>, MediaMetrics> replay) throws SQLException {
        Connection connection = statements.connection();
        int isolation = connection.getTransactionIsolation();
        connection.setTransactionIsolation(dialect.snapshotIsolation());
        connection.setAutoCommit(false);
        try {
            List<Object> values = new ArrayList<>();
            String where = where(query, values);
            Map<String, MetricTotals> groups = new HashMap<>();
            long awaiting = stored(statements, query, where, values, groups);
            if (awaiting > 0) {
                replayed(statements, query, where, values, replay, groups);
            }
            return groups;
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
            connection.setTransactionIsolation(isolation);
        }
    }

    /** Adds up the sessions with current stored metrics; answers how many selected sessions have none. */
    private static long stored(Statements statements, ReportQuery query, String where, List<Object> values,
            Map<String, MetricTotals> groups) throws SQLException {
        ReportDimension dimension = query.groupBy();
        PreparedStatement select = statements.prepare("SELECT " + key(dimension) + " AS report_key, COUNT(*),"
                + " COUNT(m.session_id), " + MetricsTable.aggregates("m")
                + " FROM sessions JOIN session_starts start ON start.session_id = sessions.id"
                + " LEFT JOIN " + MetricsTable.TABLE + " m ON m.session_id = sessions.id AND " + CURRENT
                + where + " GROUP BY report_key");
        bind(select, values);
        long awaiting = 0;
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String key = dimension.isTime() ? dimension.bucketKey(rows.getLong(1)) : rows.getString(1);
                long selected = rows.getLong(2);
                long stored = rows.getLong(3);
                awaiting += selected - stored;
                if (stored > 0) {
                    MetricsTable.addAggregates(rows, 4, stored,
                            groups.computeIfAbsent(key, absent -> new MetricTotals()));
                }
            }
        }
        return awaiting;
    }

    /** The selected sessions without current stored metrics (open, or closed and not finalised), replayed. */
    private static void replayed(Statements statements, ReportQuery query, String where, List<Object> values,
            BiFunction<Session, List<StoredEvent>, MediaMetrics> replay, Map<String, MetricTotals> groups)
            throws SQLException {
        PreparedStatement select = statements.prepare(JdbcSessionStore.SELECT_SESSIONS + where
                + (where.isEmpty() ? " WHERE " : " AND ")
                + "(sessions.metrics_event_count IS NULL OR sessions.metrics_event_count <> sessions.event_count)");
        bind(select, values);
        List<StoredSession> sessions = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                sessions.add(JdbcSessionStore.storedSession(rows));
            }
        }
        for (StoredSession stored : sessions) {
            Session session = stored.session();
            List<StoredEvent> events = JdbcSessionStore.events(statements,
                    new EventQuery(session.id(), false, Optional.empty(), Integer.MAX_VALUE));
            groups.computeIfAbsent(query.groupBy().keyOf(session), absent -> new MetricTotals())
                    .add(replay.apply(session, events));
        }
    }

    /**
     * The group of a row. A day or an hour is a whole number of them since the epoch: integer division of the
     * epoch milliseconds, the same on SQLite and PostgreSQL, in UTC.
     */
    private static String key(ReportDimension dimension) {
        return switch (dimension) {
            case MEDIA_ID -> "start.media_id";
            case PLAYER_NAME -> "start.player_name";
            case CHANNEL -> "start.channel";
            case CONTENT_TYPE -> "start.content_type";
            case DAY, HOUR -> "sessions.created_at / " + dimension.bucketMillis();
        };
    }

    private static String where(ReportQuery query, List<Object> values) {
        List<String> conditions = new ArrayList<>();
        query.from().ifPresent(from -> condition(conditions, values, "sessions.created_at >= ?",
                from.toEpochMilli()));
        query.to().ifPresent(to -> condition(conditions, values, "sessions.created_at < ?", to.toEpochMilli()));
        query.state().ifPresent(state -> condition(conditions, values, "sessions.state = ?", state.name()));
        query.mediaId().ifPresent(id -> condition(conditions, values, "start.media_id = ?", id));
        query.playerName().ifPresent(name -> condition(conditions, values, "start.player_name = ?", name));
        query.channel().ifPresent(channel -> condition(conditions, values, "start.channel = ?", channel));
        query.contentType().ifPresent(type -> condition(conditions, values, "start.content_type = ?", type));
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void condition(List<String> conditions, List<Object> values, String condition, Object value) {
        conditions.add(condition);
        values.add(value);
    }

    private static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
    }
}
