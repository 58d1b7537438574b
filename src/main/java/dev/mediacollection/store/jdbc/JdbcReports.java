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
import java.util.function.BiFunction;

import dev.mediacollection.metrics.MediaMetrics;
import dev.mediacollection.metrics.MetricTotals;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.StoredEvent;
import dev.mediacollection.session.StoredSession;
import dev.mediacollection.store.ReportDimension;
import dev.mediacollection.store.ReportQuery;

/**
 * The SQL of reports and of the finaliser's work, on a connection the store hands over: closed sessions' metrics
 * kept in {@link MetricsTable} and added up by the database with GROUP BY; the other sessions replayed.
 */
final class JdbcReports {

    private JdbcReports() {
    }

    /** Uses the partial index of the sessions awaiting metrics: it costs what is awaited, not what is stored. */
    static List<StoredSession> awaitingMetrics(Statements statements, SqlDialect dialect, Instant closedBy, int limit)
            throws SQLException {
        PreparedStatement select = statements.prepare(JdbcSessionStore.selectSessions(
                "sessions" + dialect.indexedBy(MetricsTable.AWAITING_INDEX))
                + " WHERE " + MetricsTable.awaiting("sessions.")
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
                + " AND event_count = ? AND " + MetricsTable.closed(""));
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
     * Drops a closed session's stored metrics, which an event that arrived late has made out of date: the session
     * awaits the finaliser again, and reports compute it when read until then.
     */
    static void forgetMetrics(Statements statements, String sessionId) throws SQLException {
        PreparedStatement delete = statements.prepare("DELETE FROM " + MetricsTable.TABLE + " WHERE session_id = ?");
        delete.setString(1, sessionId);
        delete.executeUpdate();
        PreparedStatement unmark = statements.prepare("UPDATE sessions SET metrics_event_count = NULL WHERE id = ?");
        unmark.setString(1, sessionId);
        unmark.executeUpdate();
    }

    /**
     * Two queries in one snapshot, so that a session the finaliser stores meanwhile is counted once: the totals of
     * the sessions whose metrics are stored, by group, from the metrics table alone; then the other sessions (still
     * open, or closed and awaiting the finaliser, found by index) with their events, replayed.
     */
    static Map<String, MetricTotals> report(Statements statements, SqlDialect dialect, ReportQuery query,
            BiFunction<Session, List<StoredEvent>, MediaMetrics> replay) throws SQLException {
        Connection connection = statements.connection();
        int isolation = connection.getTransactionIsolation();
        connection.setTransactionIsolation(dialect.snapshotIsolation());
        connection.setAutoCommit(false);
        try {
            Map<String, MetricTotals> groups = new HashMap<>();
            stored(statements, query, groups);
            replayed(statements, dialect, query, replay, groups);
            return groups;
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
            connection.setTransactionIsolation(isolation);
        }
    }

    /** Adds up the sessions whose metrics are stored, in the database. */
    private static void stored(Statements statements, ReportQuery query, Map<String, MetricTotals> groups)
            throws SQLException {
        ReportDimension dimension = query.groupBy();
        List<Object> values = new ArrayList<>();
        String where = where(query, STORED, values);
        PreparedStatement select = statements.prepare("SELECT " + storedKey(dimension) + " AS report_key,"
                + " COUNT(*), " + MetricsTable.aggregates("m") + " FROM " + MetricsTable.TABLE + " m"
                + (where.isEmpty() ? "" : " WHERE " + where) + " GROUP BY report_key");
        bind(select, values);
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String key = dimension.isTime() ? dimension.bucketKey(rows.getLong(1)) : rows.getString(1);
                MetricsTable.addAggregates(rows, 3, rows.getLong(2),
                        groups.computeIfAbsent(key, absent -> new MetricTotals()));
            }
        }
    }

    /**
     * The selected sessions without stored metrics, replayed: the open ones, then the closed ones awaiting the
     * finaliser, each found by its own index (asked together, SQLite would look through every closed session).
     */
    private static void replayed(Statements statements, SqlDialect dialect, ReportQuery query,
            BiFunction<Session, List<StoredEvent>, MediaMetrics> replay, Map<String, MetricTotals> groups)
            throws SQLException {
        List<Object> values = new ArrayList<>();
        String where = where(query, REPLAYED, values);
        String filters = where.isEmpty() ? "" : " AND " + where;
        List<StoredSession> sessions = new ArrayList<>();
        for (String select : List.of(
                JdbcSessionStore.SELECT_SESSIONS + " WHERE sessions.state IN " + JdbcSessionStore.OPEN_STATES,
                JdbcSessionStore.selectSessions("sessions" + dialect.indexedBy(MetricsTable.AWAITING_INDEX))
                        + " WHERE " + MetricsTable.awaiting("sessions."))) {
            PreparedStatement statement = statements.prepare(select + filters);
            bind(statement, values);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sessions.add(JdbcSessionStore.storedSession(rows));
                }
            }
        }
        for (int from = 0; from < sessions.size(); from += EVENTS_AT_ONCE) {
            List<StoredSession> chunk = sessions.subList(from, Math.min(sessions.size(), from + EVENTS_AT_ONCE));
            Map<String, List<StoredEvent>> events = events(statements, chunk);
            for (StoredSession stored : chunk) {
                Session session = stored.session();
                groups.computeIfAbsent(query.groupBy().keyOf(session), absent -> new MetricTotals())
                        .add(replay.apply(session, events.getOrDefault(session.id(), List.of())));
            }
        }
    }

    /** How many sessions' events are read with one query: one round trip to the database instead of as many. */
    private static final int EVENTS_AT_ONCE = 200;

    /** The events of these sessions, at most {@link #EVENTS_AT_ONCE}, by session, in arrival order. */
    private static Map<String, List<StoredEvent>> events(Statements statements, List<StoredSession> sessions)
            throws SQLException {
        // Always as many ids as the statement takes, the last repeated, so that one statement serves every chunk.
        PreparedStatement select = statements.prepare("SELECT session_id, " + JdbcSessionStore.EVENT_COLUMNS
                + " FROM events WHERE session_id IN (" + "?, ".repeat(EVENTS_AT_ONCE - 1) + "?)"
                + " ORDER BY session_id, seq");
        for (int i = 0; i < EVENTS_AT_ONCE; i++) {
            select.setString(i + 1, sessions.get(Math.min(i, sessions.size() - 1)).session().id());
        }
        Map<String, List<StoredEvent>> events = new HashMap<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                events.computeIfAbsent(rows.getString("session_id"), id -> new ArrayList<>())
                        .add(JdbcSessionStore.storedEvent(rows));
            }
        }
        return events;
    }

    /** Where a query finds what reports select: the metrics table, or a session with its start. */
    private record Columns(String createdAt, String state, String mediaId, String playerName, String channel,
            String contentType) {
    }

    private static final Columns STORED = new Columns("m.created_at", "m.state", "m.media_id", "m.player_name",
            "m.channel", "m.content_type");
    private static final Columns REPLAYED = new Columns("sessions.created_at", "sessions.state", "start.media_id",
            "start.player_name", "start.channel", "start.content_type");

    /**
     * The group of a stored row. A day or an hour is a whole number of them since the epoch, in UTC, computed when
     * the row was stored by integer division of the epoch milliseconds, the same on SQLite and PostgreSQL.
     */
    private static String storedKey(ReportDimension dimension) {
        return switch (dimension) {
            case MEDIA_ID -> STORED.mediaId();
            case PLAYER_NAME -> STORED.playerName();
            case CHANNEL -> STORED.channel();
            case CONTENT_TYPE -> STORED.contentType();
            case DAY -> "m.opened_day";
            case HOUR -> "m.opened_hour";
        };
    }

    /** The query's filters, ANDed, or nothing. */
    private static String where(ReportQuery query, Columns columns, List<Object> values) {
        List<String> conditions = new ArrayList<>();
        query.from().ifPresent(from -> condition(conditions, values, columns.createdAt() + " >= ?",
                from.toEpochMilli()));
        query.to().ifPresent(to -> condition(conditions, values, columns.createdAt() + " < ?", to.toEpochMilli()));
        query.state().ifPresent(state -> condition(conditions, values, columns.state() + " = ?", state.name()));
        query.mediaId().ifPresent(id -> condition(conditions, values, columns.mediaId() + " = ?", id));
        query.playerName().ifPresent(name -> condition(conditions, values, columns.playerName() + " = ?", name));
        query.channel().ifPresent(channel -> condition(conditions, values, columns.channel() + " = ?", channel));
        query.contentType().ifPresent(type -> condition(conditions, values, columns.contentType() + " = ?", type));
        return String.join(" AND ", conditions);
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
