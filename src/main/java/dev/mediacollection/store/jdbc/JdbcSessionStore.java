package dev.mediacollection.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.mediacollection.session.CloseCause;
import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionState;
import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.session.StoredEvent;
import dev.mediacollection.store.AppendResult;
import dev.mediacollection.store.DuplicateSessionException;
import dev.mediacollection.store.SessionStore;
import dev.mediacollection.store.StoreUnavailableException;

/**
 * Sessions and events in a SQL database: the embedded SQLite file or PostgreSQL, with one schema (see
 * {@code db/migration}). Writes go through {@link GroupCommit}; an acknowledgement follows the commit. Reads run on
 * their own threads, never on the caller's.
 */
public final class JdbcSessionStore implements SessionStore, AutoCloseable {

    private static final String LIFECYCLE_COLUMNS = "state, last_event_at, last_playhead, last_playhead_change_at,"
            + " closed_at, close_cause, event_count";
    private static final String SESSION_COLUMNS = "id, created_at, " + LIFECYCLE_COLUMNS;
    private static final String OPEN_STATES = "('" + SessionState.OPEN + "','" + SessionState.COMPLETE + "')";

    private final GroupCommit writes;
    private final DataSource reads;
    private final SqlDialect dialect;
    private final SessionTimeouts timeouts;
    private final ExecutorService readers;

    JdbcSessionStore(GroupCommit writes, DataSource reads, SqlDialect dialect, SessionTimeouts timeouts,
            int readThreads) {
        this.writes = writes;
        this.reads = reads;
        this.dialect = dialect;
        this.timeouts = timeouts;
        this.readers = Executors.newFixedThreadPool(readThreads, runnable -> {
            Thread thread = new Thread(runnable, dialect.name().toLowerCase() + "-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The state of a session row, with how many events it has. */
    private record Row(Session session, long eventCount) {
    }

    // --- writes -------------------------------------------------------------------------------------------------

    @Override
    public CompletionStage<Void> create(Session session) {
        return create(session, List.of());
    }

    @Override
    public CompletionStage<Void> create(Session session, List<ReceivedEvent> events) {
        return writes.submit(statements -> {
            if (!insertSession(statements, session, events.size())) {
                return false;
            }
            long sequence = 0;
            for (ReceivedEvent event : events) {
                insertEvent(statements, session.id(), ++sequence, event);
            }
            return true;
        }).thenCompose(created -> created
                ? CompletableFuture.<Void>completedFuture(null)
                : CompletableFuture.<Void>failedFuture(new DuplicateSessionException(session.id())));
    }

    @Override
    public CompletionStage<AppendResult> append(String sessionId, ReceivedEvent event) {
        return writes.submit(sessionId, statements -> {
            PreparedStatement select = statements.prepare("SELECT " + LIFECYCLE_COLUMNS
                    + " FROM sessions WHERE id = ?" + dialect.lockRow());
            select.setString(1, sessionId);
            Lifecycle lifecycle;
            long eventCount;
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return new AppendResult.UnknownSession();
                }
                lifecycle = lifecycle(rows);
                eventCount = rows.getLong("event_count");
            }
            Optional<Lifecycle.Expiry> expiry = lifecycle.expiry(event.receivedAt(), timeouts);
            if (expiry.isPresent()) {
                lifecycle = lifecycle.expired(expiry.get());
                updateLifecycle(statements, sessionId, lifecycle, eventCount);
            }
            if (!lifecycle.state().takesEvents()) {
                return new AppendResult.SessionClosed(lifecycle);
            }
            long sequence = eventCount + 1;
            insertEvent(statements, sessionId, sequence, event);
            Lifecycle next = lifecycle.after(event.type(), event.playhead(), event.receivedAt());
            updateLifecycle(statements, sessionId, next, sequence);
            return new AppendResult.Appended(sequence, next);
        });
    }

    /**
     * Candidates come from the indexes; {@link Lifecycle#expiry} decides. Each update is conditional on the state
     * and activity it was decided on, so concurrent sweeps (other instances) or an event arriving meanwhile never
     * lead to a session being expired twice or expired although it just moved.
     */
    @Override
    public CompletionStage<Integer> expireSessions(Instant now) {
        return writes.submit(statements -> {
            Map<String, Lifecycle> candidates = new LinkedHashMap<>();
            // In id order, as appends lock rows, so that concurrent writers never deadlock.
            PreparedStatement select = statements.prepare("SELECT id, " + LIFECYCLE_COLUMNS
                    + " FROM sessions WHERE state IN " + OPEN_STATES
                    + " AND (last_event_at <= ? OR last_playhead_change_at <= ?) ORDER BY id");
            select.setLong(1, now.minus(timeouts.idle()).toEpochMilli());
            select.setLong(2, now.minus(timeouts.stalled()).toEpochMilli());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    candidates.put(rows.getString("id"), lifecycle(rows));
                }
            }
            int expired = 0;
            PreparedStatement update = statements.prepare("UPDATE sessions SET state = ?,"
                    + " closed_at = ?, close_cause = ? WHERE id = ? AND state IN " + OPEN_STATES
                    + " AND last_event_at = ? AND last_playhead_change_at = ?");
            for (Map.Entry<String, Lifecycle> candidate : candidates.entrySet()) {
                Lifecycle lifecycle = candidate.getValue();
                Optional<Lifecycle.Expiry> expiry = lifecycle.expiry(now, timeouts);
                if (expiry.isPresent()) {
                    Lifecycle next = lifecycle.expired(expiry.get());
                    update.setString(1, next.state().name());
                    update.setLong(2, next.closedAt().toEpochMilli());
                    update.setString(3, next.closeCause().name());
                    update.setString(4, candidate.getKey());
                    update.setLong(5, lifecycle.lastEventAt().toEpochMilli());
                    update.setLong(6, lifecycle.lastPlayheadChangeAt().toEpochMilli());
                    expired += update.executeUpdate();
                }
            }
            return expired;
        });
    }

    @Override
    public CompletionStage<Integer> deleteClosedBefore(Instant cutoff) {
        return writes.submit(statements -> {
            String closedBefore = "SELECT id FROM sessions WHERE state NOT IN " + OPEN_STATES + " AND closed_at < ?";
            for (String table : new String[] { "events", "session_starts" }) {
                PreparedStatement dependents = statements.prepare(
                        "DELETE FROM " + table + " WHERE session_id IN (" + closedBefore + ")");
                dependents.setLong(1, cutoff.toEpochMilli());
                dependents.executeUpdate();
            }
            PreparedStatement sessions = statements.prepare("DELETE FROM sessions WHERE id IN (" + closedBefore + ")");
            sessions.setLong(1, cutoff.toEpochMilli());
            return sessions.executeUpdate();
        });
    }

    /** Inserts the session unless its id is taken (both databases know ON CONFLICT DO NOTHING). */
    private static boolean insertSession(Statements statements, Session session, long eventCount)
            throws SQLException {
        PreparedStatement insert = statements.prepare("INSERT INTO sessions (" + SESSION_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING");
        Lifecycle lifecycle = session.lifecycle();
        insert.setString(1, session.id());
        insert.setLong(2, session.createdAt().toEpochMilli());
        insert.setString(3, lifecycle.state().name());
        insert.setLong(4, lifecycle.lastEventAt().toEpochMilli());
        insert.setDouble(5, lifecycle.lastPlayhead());
        insert.setLong(6, lifecycle.lastPlayheadChangeAt().toEpochMilli());
        setClosing(insert, 7, lifecycle);
        insert.setLong(9, eventCount);
        if (insert.executeUpdate() == 0) {
            return false;
        }
        ReceivedEvent start = session.start();
        PreparedStatement insertStart = statements.prepare(
                "INSERT INTO session_starts (session_id, ts, playhead, body) VALUES (?, ?, ?, ?)");
        insertStart.setString(1, session.id());
        insertStart.setLong(2, start.ts());
        insertStart.setDouble(3, start.playhead());
        insertStart.setString(4, start.body());
        insertStart.executeUpdate();
        return true;
    }

    private static void insertEvent(Statements statements, String sessionId, long sequence, ReceivedEvent event)
            throws SQLException {
        PreparedStatement insert = statements.prepare("INSERT INTO events"
                + " (session_id, seq, event_type, playhead, ts, received_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.setString(1, sessionId);
        insert.setLong(2, sequence);
        insert.setString(3, event.type().wireName());
        insert.setDouble(4, event.playhead());
        insert.setLong(5, event.ts());
        insert.setLong(6, event.receivedAt().toEpochMilli());
        insert.setString(7, event.body());
        insert.executeUpdate();
    }

    private static void updateLifecycle(Statements statements, String sessionId, Lifecycle lifecycle,
            long eventCount) throws SQLException {
        PreparedStatement update = statements.prepare("UPDATE sessions SET state = ?,"
                + " last_event_at = ?, last_playhead = ?, last_playhead_change_at = ?, closed_at = ?,"
                + " close_cause = ?, event_count = ? WHERE id = ?");
        update.setString(1, lifecycle.state().name());
        update.setLong(2, lifecycle.lastEventAt().toEpochMilli());
        update.setDouble(3, lifecycle.lastPlayhead());
        update.setLong(4, lifecycle.lastPlayheadChangeAt().toEpochMilli());
        setClosing(update, 5, lifecycle);
        update.setLong(7, eventCount);
        update.setString(8, sessionId);
        update.executeUpdate();
    }

    private static void setClosing(PreparedStatement statement, int index, Lifecycle lifecycle) throws SQLException {
        if (lifecycle.closedAt() == null) {
            statement.setNull(index, java.sql.Types.BIGINT);
            statement.setNull(index + 1, java.sql.Types.VARCHAR);
        } else {
            statement.setLong(index, lifecycle.closedAt().toEpochMilli());
            statement.setString(index + 1, lifecycle.closeCause().name());
        }
    }

    // --- reads --------------------------------------------------------------------------------------------------

    @Override
    public CompletionStage<Optional<Session>> find(String id) {
        return read(statements -> row(statements, id).map(Row::session));
    }

    @Override
    public CompletionStage<List<StoredEvent>> events(String sessionId) {
        return read(statements -> {
            List<StoredEvent> events = new ArrayList<>();
            PreparedStatement select = statements.prepare("SELECT seq, event_type, playhead, ts,"
                    + " received_at, body FROM events WHERE session_id = ? ORDER BY seq");
            select.setString(1, sessionId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new StoredEvent(rows.getLong(1), new ReceivedEvent(
                            EventType.fromWireName(rows.getString(2)), rows.getDouble(3), rows.getLong(4),
                            Instant.ofEpochMilli(rows.getLong(5)), rows.getString(6))));
                }
            }
            return events;
        });
    }

    private <T> CompletionStage<T> read(GroupCommit.Work<T> query) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CallerContext caller = CallerContext.current();
        try {
            readers.execute(() -> {
                try (Statements statements = new Statements(reads.getConnection())) {
                    caller.complete(result, query.apply(statements));
                } catch (SQLException | RuntimeException e) {
                    caller.fail(result, new StoreUnavailableException("The store could not be read", e));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            result.completeExceptionally(new StoreUnavailableException("The store is shutting down"));
        }
        return result;
    }

    private static Optional<Row> row(Statements statements, String id) throws SQLException {
        PreparedStatement select = statements.prepare("SELECT " + SESSION_COLUMNS + ", start.ts AS start_ts,"
                + " start.playhead AS start_playhead, start.body AS start_body FROM sessions"
                + " JOIN session_starts start ON start.session_id = sessions.id WHERE sessions.id = ?");
        select.setString(1, id);
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(row(rows)) : Optional.empty();
        }
    }

    private static Row row(ResultSet rows) throws SQLException {
        Instant createdAt = Instant.ofEpochMilli(rows.getLong("created_at"));
        ReceivedEvent start = new ReceivedEvent(EventType.SESSION_START, rows.getDouble("start_playhead"),
                rows.getLong("start_ts"), createdAt, rows.getString("start_body"));
        return new Row(new Session(rows.getString("id"), createdAt, start, lifecycle(rows)),
                rows.getLong("event_count"));
    }

    private static Lifecycle lifecycle(ResultSet rows) throws SQLException {
        long closedAt = rows.getLong("closed_at");
        boolean closed = !rows.wasNull();
        String cause = rows.getString("close_cause");
        return new Lifecycle(SessionState.valueOf(rows.getString("state")),
                Instant.ofEpochMilli(rows.getLong("last_event_at")), rows.getDouble("last_playhead"),
                Instant.ofEpochMilli(rows.getLong("last_playhead_change_at")),
                closed ? Instant.ofEpochMilli(closedAt) : null, cause == null ? null : CloseCause.valueOf(cause));
    }

    /** Commits every write already queued, then releases threads and connections. */
    @Override
    public void close() {
        writes.close();
        readers.shutdown();
        try {
            readers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
