package dev.mediacollection.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import dev.mediacollection.session.Admission;
import dev.mediacollection.session.CloseCause;
import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Finding;
import dev.mediacollection.session.FindingSummary;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.RecordedFinding;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionState;
import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.session.StoredEvent;
import dev.mediacollection.session.StoredSession;
import dev.mediacollection.store.AppendResult;
import dev.mediacollection.store.DuplicateSessionException;
import dev.mediacollection.store.EventQuery;
import dev.mediacollection.store.ExpiredSessions;
import dev.mediacollection.store.FindingQuery;
import dev.mediacollection.store.PlayerFindings;
import dev.mediacollection.store.SessionLint;
import dev.mediacollection.store.SessionQuery;
import dev.mediacollection.store.SessionStore;
import dev.mediacollection.store.StoreUnavailableException;

/**
 * Sessions and events in a SQL database: the embedded SQLite file or PostgreSQL, with one schema (see
 * {@code db/migration}). Writes go through {@link GroupCommit}; an acknowledgement follows the commit. Reads run on
 * their own threads, never on the caller's.
 */
public final class JdbcSessionStore implements SessionStore, AutoCloseable {

    private static final String LIFECYCLE_COLUMNS = "state, last_event_at, last_playhead, last_playhead_change_at,"
            + " closed_at, close_cause, end_ts, event_count";
    private static final String SESSION_COLUMNS = "id, created_at, " + LIFECYCLE_COLUMNS;
    private static final String SELECT_SESSIONS = "SELECT sessions.id, sessions.created_at, sessions.state,"
            + " sessions.last_event_at, sessions.last_playhead, sessions.last_playhead_change_at, sessions.closed_at,"
            + " sessions.close_cause, sessions.end_ts, sessions.event_count, start.ts AS start_ts, start.playhead AS start_playhead,"
            + " start.body AS start_body, start.media_id, start.player_name"
            + " FROM sessions JOIN session_starts start ON start.session_id = sessions.id";
    /**
     * The probe row is locked last in any group (after every session id, which is hex), so that on PostgreSQL
     * concurrent groups from several instances take it in the same order as session rows and never deadlock.
     */
    private static final String PROBE_LOCK_KEY = "~write-probe";
    private static final String OPEN_STATES = "('" + SessionState.OPEN + "','" + SessionState.COMPLETE + "')";

    private final GroupCommit writes;
    private final DataSource reads;
    private final SqlDialect dialect;
    private final SessionTimeouts timeouts;
    private final ExecutorService readers;
    /** The write probe under way, shared by everyone who asks meanwhile: asking often never queues more probes. */
    private final AtomicReference<CompletableFuture<Void>> probe = new AtomicReference<>();

    JdbcSessionStore(GroupCommit writes, DataSource reads, SqlDialect dialect, SessionTimeouts timeouts,
            int readThreads) {
        this.writes = writes;
        this.reads = reads;
        this.dialect = dialect;
        this.timeouts = timeouts;
        this.readers = Executors.newFixedThreadPool(readThreads, runnable -> {
            Thread thread = new Thread(runnable, dialect.name().toLowerCase(Locale.ROOT) + "-reader");
            thread.setDaemon(true);
            return thread;
        });
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
            Admission admission = lifecycle.admit(event, timeouts);
            if (admission instanceof Admission.Refused refused) {
                if (refused.expiredNow()) {
                    updateLifecycle(statements, sessionId, refused.standing(), eventCount);
                }
                return new AppendResult.SessionClosed(refused.standing(), refused.expiredNow(), refused.refusal());
            }
            Admission.Kept kept = (Admission.Kept) admission;
            long sequence = eventCount + 1;
            insertEvent(statements, sessionId, sequence, event);
            updateLifecycle(statements, sessionId, kept.next(), sequence);
            return new AppendResult.Appended(sequence, kept.next(), kept.late());
        });
    }

    /**
     * Candidates come from the indexes; {@link Lifecycle#expiry} decides. Each update is conditional on the state
     * and activity it was decided on, so concurrent sweeps (other instances) or an event arriving meanwhile never
     * lead to a session being expired twice or expired although it just moved.
     */
    @Override
    public CompletionStage<ExpiredSessions> expireSessions(Instant now) {
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
            int idle = 0;
            int stalled = 0;
            List<String> ids = new ArrayList<>();
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
                    if (update.executeUpdate() == 1) {
                        ids.add(candidate.getKey());
                        if (expiry.get().cause() == CloseCause.IDLE) {
                            idle++;
                        } else {
                            stalled++;
                        }
                    }
                }
            }
            return new ExpiredSessions(idle, stalled, ids);
        });
    }

    @Override
    public CompletionStage<Integer> deleteClosedBefore(Instant cutoff) {
        return writes.submit(statements -> {
            String closedBefore = "SELECT id FROM sessions WHERE state NOT IN " + OPEN_STATES + " AND closed_at < ?";
            for (String table : new String[] { "findings", "session_lint", "events", "session_starts" }) {
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

    /** Rewrites the probe row (see the V2 migration) through the writers, like any write, and waits for its commit. */
    @Override
    public CompletionStage<Void> proveWritable() {
        CompletableFuture<Void> started = new CompletableFuture<>();
        CompletableFuture<Void> running = probe.compareAndExchange(null, started);
        if (running != null) {
            return running;
        }
        writes.submit(PROBE_LOCK_KEY, statements -> {
            PreparedStatement update = statements.prepare("UPDATE write_probe SET written_at = ? WHERE id = 1");
            update.setLong(1, System.currentTimeMillis());
            return update.executeUpdate();
        }).whenComplete((updated, failure) -> {
            probe.set(null);
            if (failure == null) {
                started.complete(null);
            } else {
                started.completeExceptionally(failure);
            }
        });
        return started;
    }

    /** Inserts the session unless its id is taken (both databases know ON CONFLICT DO NOTHING). */
    private static boolean insertSession(Statements statements, Session session, long eventCount)
            throws SQLException {
        PreparedStatement insert = statements.prepare("INSERT INTO sessions (" + SESSION_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING");
        Lifecycle lifecycle = session.lifecycle();
        insert.setString(1, session.id());
        insert.setLong(2, session.createdAt().toEpochMilli());
        insert.setString(3, lifecycle.state().name());
        insert.setLong(4, lifecycle.lastEventAt().toEpochMilli());
        insert.setDouble(5, lifecycle.lastPlayhead());
        insert.setLong(6, lifecycle.lastPlayheadChangeAt().toEpochMilli());
        setClosing(insert, 7, lifecycle);
        insert.setLong(10, eventCount);
        if (insert.executeUpdate() == 0) {
            return false;
        }
        ReceivedEvent start = session.start();
        PreparedStatement insertStart = statements.prepare("INSERT INTO session_starts"
                + " (session_id, ts, playhead, body, media_id, player_name) VALUES (?, ?, ?, ?, ?, ?)");
        insertStart.setString(1, session.id());
        insertStart.setLong(2, start.ts());
        insertStart.setDouble(3, start.playhead());
        insertStart.setString(4, start.body());
        insertStart.setString(5, session.mediaId());
        insertStart.setString(6, session.playerName());
        insertStart.executeUpdate();
        insertFindings(statements, session.id(), 0, start);
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
        insertFindings(statements, sessionId, sequence, event);
    }

    /** A request's findings, in its transaction; a request without any writes nothing here. */
    private static void insertFindings(Statements statements, String sessionId, long sequence, ReceivedEvent event)
            throws SQLException {
        if (event.findings().isEmpty()) {
            return;
        }
        PreparedStatement insert = statements.prepare("INSERT INTO findings (session_id, seq, ordinal, event_type,"
                + " rule, pointer, message, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        for (int ordinal = 0; ordinal < event.findings().size(); ordinal++) {
            Finding finding = event.findings().get(ordinal);
            insert.setString(1, sessionId);
            insert.setLong(2, sequence);
            insert.setInt(3, ordinal);
            insert.setString(4, event.type().wireName());
            insert.setString(5, finding.rule());
            insert.setString(6, finding.pointer());
            insert.setString(7, finding.message());
            insert.setLong(8, event.receivedAt().toEpochMilli());
            insert.addBatch();
        }
        insert.executeBatch();
    }

    private static void updateLifecycle(Statements statements, String sessionId, Lifecycle lifecycle,
            long eventCount) throws SQLException {
        PreparedStatement update = statements.prepare("UPDATE sessions SET state = ?,"
                + " last_event_at = ?, last_playhead = ?, last_playhead_change_at = ?, closed_at = ?,"
                + " close_cause = ?, end_ts = ?, event_count = ? WHERE id = ?");
        update.setString(1, lifecycle.state().name());
        update.setLong(2, lifecycle.lastEventAt().toEpochMilli());
        update.setDouble(3, lifecycle.lastPlayhead());
        update.setLong(4, lifecycle.lastPlayheadChangeAt().toEpochMilli());
        setClosing(update, 5, lifecycle);
        update.setLong(8, eventCount);
        update.setString(9, sessionId);
        update.executeUpdate();
    }

    /** {@code closed_at}, {@code close_cause} and {@code end_ts}, from {@code index} on. */
    private static void setClosing(PreparedStatement statement, int index, Lifecycle lifecycle) throws SQLException {
        if (lifecycle.closedAt() == null) {
            statement.setNull(index, java.sql.Types.BIGINT);
            statement.setNull(index + 1, java.sql.Types.VARCHAR);
        } else {
            statement.setLong(index, lifecycle.closedAt().toEpochMilli());
            statement.setString(index + 1, lifecycle.closeCause().name());
        }
        if (lifecycle.endTs() == null) {
            statement.setNull(index + 2, java.sql.Types.BIGINT);
        } else {
            statement.setLong(index + 2, lifecycle.endTs());
        }
    }

    // --- reads --------------------------------------------------------------------------------------------------

    @Override
    public CompletionStage<Optional<StoredSession>> find(String id) {
        return read(statements -> {
            PreparedStatement select = statements.prepare(SELECT_SESSIONS + " WHERE sessions.id = ?");
            select.setString(1, id);
            List<StoredSession> found = new ArrayList<>(1);
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    found.add(storedSession(rows));
                }
            }
            return withFindings(statements, found).stream().findFirst();
        });
    }

    @Override
    public CompletionStage<List<StoredSession>> list(SessionQuery query) {
        return read(statements -> {
            List<String> conditions = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            query.state().ifPresent(state -> where(conditions, values, "sessions.state = ?", state.name()));
            query.mediaId().ifPresent(id -> where(conditions, values, "start.media_id = ?", id));
            query.playerName().ifPresent(name -> where(conditions, values, "start.player_name = ?", name));
            query.createdFrom().ifPresent(from -> where(conditions, values, "sessions.created_at >= ?",
                    from.toEpochMilli()));
            query.createdTo().ifPresent(to -> where(conditions, values, "sessions.created_at < ?", to.toEpochMilli()));
            query.hasFindings().ifPresent(has -> conditions.add((has ? "" : "NOT ")
                    + "EXISTS (SELECT 1 FROM findings WHERE findings.session_id = sessions.id)"));
            query.after().ifPresent(after -> {
                conditions.add("(sessions.created_at < ? OR (sessions.created_at = ? AND sessions.id < ?))");
                values.addAll(List.of(after.createdAt().toEpochMilli(), after.createdAt().toEpochMilli(), after.id()));
            });
            PreparedStatement select = statements.prepare(SELECT_SESSIONS
                    + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                    + " ORDER BY sessions.created_at DESC, sessions.id DESC LIMIT ?");
            values.add(query.limit());
            for (int i = 0; i < values.size(); i++) {
                select.setObject(i + 1, values.get(i));
            }
            List<StoredSession> sessions = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sessions.add(storedSession(rows));
                }
            }
            return withFindings(statements, sessions);
        });
    }

    /**
     * The sessions with their findings' summary and their sessionStart's findings: two reads of the findings'
     * primary key, for all the sessions at once, which find nothing for sessions without findings.
     */
    private static List<StoredSession> withFindings(Statements statements, List<StoredSession> sessions)
            throws SQLException {
        if (sessions.isEmpty()) {
            return sessions;
        }
        String ids = "(" + "?, ".repeat(sessions.size() - 1) + "?)";
        Map<String, TreeMap<String, Long>> rules = new HashMap<>();
        PreparedStatement counts = statements.prepare("SELECT session_id, rule, COUNT(*) FROM findings"
                + " WHERE session_id IN " + ids + " GROUP BY session_id, rule");
        bindIds(counts, sessions);
        try (ResultSet rows = counts.executeQuery()) {
            while (rows.next()) {
                rules.computeIfAbsent(rows.getString(1), id -> new TreeMap<>()).put(rows.getString(2), rows.getLong(3));
            }
        }
        if (rules.isEmpty()) {
            return sessions;
        }
        Map<String, List<Finding>> startFindings = new HashMap<>();
        PreparedStatement starts = statements.prepare("SELECT session_id, rule, pointer, message FROM findings"
                + " WHERE session_id IN " + ids + " AND seq = 0 AND events IS NULL ORDER BY session_id, ordinal");
        bindIds(starts, sessions);
        try (ResultSet rows = starts.executeQuery()) {
            while (rows.next()) {
                startFindings.computeIfAbsent(rows.getString(1), id -> new ArrayList<>())
                        .add(new Finding(rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        }
        List<StoredSession> complete = new ArrayList<>(sessions.size());
        for (StoredSession stored : sessions) {
            TreeMap<String, Long> byRule = rules.get(stored.session().id());
            if (byRule == null) {
                complete.add(stored);
                continue;
            }
            Session session = stored.session();
            ReceivedEvent start = session.start();
            ReceivedEvent startWithFindings = new ReceivedEvent(start.type(), start.playhead(), start.ts(),
                    start.receivedAt(), start.body(), startFindings.getOrDefault(session.id(), List.of()));
            complete.add(new StoredSession(new Session(session.id(), session.createdAt(), startWithFindings,
                    session.mediaId(), session.playerName(), session.lifecycle()), stored.eventCount(),
                    new FindingSummary(byRule.values().stream().mapToLong(Long::longValue).sum(),
                            List.copyOf(byRule.keySet()))));
        }
        return complete;
    }

    private static void bindIds(PreparedStatement statement, List<StoredSession> sessions) throws SQLException {
        for (int i = 0; i < sessions.size(); i++) {
            statement.setString(i + 1, sessions.get(i).session().id());
        }
    }

    @Override
    public CompletionStage<Long> countOpenSessions() {
        return read(statements -> {
            PreparedStatement count = statements.prepare("SELECT COUNT(*) FROM sessions WHERE state IN " + OPEN_STATES);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static void where(List<String> conditions, List<Object> values, String condition, Object value) {
        conditions.add(condition);
        values.add(value);
    }

    @Override
    public CompletionStage<List<StoredEvent>> events(String sessionId) {
        return events(new EventQuery(sessionId, false, Optional.empty(), Integer.MAX_VALUE));
    }

    @Override
    public CompletionStage<List<StoredEvent>> events(EventQuery query) {
        return read(statements -> {
            String after = query.after().isEmpty() ? ""
                    : query.byTs() ? " AND (ts > ? OR (ts = ? AND seq > ?))" : " AND seq > ?";
            PreparedStatement select = statements.prepare("SELECT seq, event_type, playhead, ts, received_at, body"
                    + " FROM events WHERE session_id = ?" + after
                    + (query.byTs() ? " ORDER BY ts, seq" : " ORDER BY seq") + " LIMIT ?");
            int index = 1;
            select.setString(index++, query.sessionId());
            if (query.after().isPresent()) {
                EventQuery.Position position = query.after().get();
                if (query.byTs()) {
                    select.setLong(index++, position.ts());
                    select.setLong(index++, position.ts());
                }
                select.setLong(index++, position.sequence());
            }
            select.setInt(index, query.limit());
            List<StoredEvent> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new StoredEvent(rows.getLong(1), new ReceivedEvent(
                            EventType.fromWireName(rows.getString(2)), rows.getDouble(3), rows.getLong(4),
                            Instant.ofEpochMilli(rows.getLong(5)), rows.getString(6))));
                }
            }
            return withFindings(statements, query.sessionId(), events);
        });
    }

    /** The page's events with their findings, read in one go over the page's range of sequence numbers. */
    private static List<StoredEvent> withFindings(Statements statements, String sessionId, List<StoredEvent> events)
            throws SQLException {
        if (events.isEmpty()) {
            return events;
        }
        long first = events.stream().mapToLong(StoredEvent::sequence).min().orElseThrow();
        long last = events.stream().mapToLong(StoredEvent::sequence).max().orElseThrow();
        PreparedStatement select = statements.prepare("SELECT seq, rule, pointer, message FROM findings"
                + " WHERE session_id = ? AND seq BETWEEN ? AND ? AND events IS NULL ORDER BY seq, ordinal");
        select.setString(1, sessionId);
        select.setLong(2, first);
        select.setLong(3, last);
        Map<Long, List<Finding>> bySequence = new HashMap<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                bySequence.computeIfAbsent(rows.getLong(1), sequence -> new ArrayList<>())
                        .add(new Finding(rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        }
        if (bySequence.isEmpty()) {
            return events;
        }
        return events.stream().map(stored -> {
            List<Finding> findings = bySequence.get(stored.sequence());
            if (findings == null) {
                return stored;
            }
            ReceivedEvent event = stored.event();
            return new StoredEvent(stored.sequence(), new ReceivedEvent(event.type(), event.playhead(), event.ts(),
                    event.receivedAt(), event.body(), findings));
        }).toList();
    }

    @Override
    public CompletionStage<List<RecordedFinding>> findings(FindingQuery query) {
        return read(statements -> {
            PreparedStatement select = statements.prepare("SELECT session_id, seq, ordinal, event_type, rule,"
                    + " pointer, message, received_at, events FROM findings"
                    + (query.after().isEmpty() ? "" : " WHERE (received_at, session_id, seq, ordinal) < (?, ?, ?, ?)")
                    + " ORDER BY received_at DESC, session_id DESC, seq DESC, ordinal DESC LIMIT ?");
            int index = 1;
            if (query.after().isPresent()) {
                FindingQuery.Position after = query.after().get();
                select.setLong(index++, after.receivedAt().toEpochMilli());
                select.setString(index++, after.sessionId());
                select.setLong(index++, after.sequence());
                select.setInt(index++, after.ordinal());
            }
            select.setInt(index, query.limit());
            List<RecordedFinding> findings = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    findings.add(new RecordedFinding(rows.getString(1), rows.getLong(2), rows.getInt(3),
                            EventType.fromWireName(rows.getString(4)), Instant.ofEpochMilli(rows.getLong(8)),
                            new Finding(rows.getString(5), rows.getString(6), rows.getString(7),
                                    sequences(rows.getString(9)))));
                }
            }
            return findings;
        });
    }

    @Override
    public CompletionStage<Optional<List<Finding>>> replaceSessionFindings(SessionLint lint) {
        return writes.submit(lint.sessionId(), statements -> {
            PreparedStatement select = statements.prepare("SELECT state, event_count FROM sessions WHERE id = ?"
                    + dialect.lockRow());
            select.setString(1, lint.sessionId());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next() || !rows.getString(1).equals(lint.state().name())
                        || rows.getLong(2) != lint.eventCount()) {
                    return Optional.<List<Finding>>empty();
                }
            }
            List<Finding> replaced = sessionFindings(statements, lint.sessionId());
            PreparedStatement delete = statements.prepare("DELETE FROM findings WHERE session_id = ?"
                    + " AND events IS NOT NULL");
            delete.setString(1, lint.sessionId());
            delete.executeUpdate();
            PreparedStatement insert = statements.prepare("INSERT INTO findings (session_id, seq, ordinal, event_type,"
                    + " rule, pointer, message, received_at, events) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)");
            for (RecordedFinding recorded : lint.findings()) {
                insert.setString(1, recorded.sessionId());
                insert.setLong(2, recorded.sequence());
                insert.setInt(3, recorded.ordinal());
                insert.setString(4, recorded.eventType().wireName());
                insert.setString(5, recorded.finding().rule());
                insert.setString(6, recorded.finding().message());
                insert.setLong(7, recorded.receivedAt().toEpochMilli());
                insert.setString(8, String.join(",", recorded.finding().events().stream().map(String::valueOf)
                        .toList()));
                insert.addBatch();
            }
            insert.executeBatch();
            PreparedStatement player = statements.prepare("INSERT INTO session_lint (session_id, player_name,"
                    + " sdk_version, library_version) VALUES (?, ?, ?, ?) ON CONFLICT (session_id) DO UPDATE SET"
                    + " player_name = excluded.player_name, sdk_version = excluded.sdk_version,"
                    + " library_version = excluded.library_version");
            player.setString(1, lint.sessionId());
            player.setString(2, lint.player().name());
            player.setString(3, lint.player().sdkVersion());
            player.setString(4, lint.player().libraryVersion());
            player.executeUpdate();
            return Optional.of(replaced);
        });
    }

    @Override
    public CompletionStage<List<Finding>> sessionFindings(String sessionId) {
        return read(statements -> sessionFindings(statements, sessionId));
    }

    private static List<Finding> sessionFindings(Statements statements, String sessionId) throws SQLException {
        PreparedStatement select = statements.prepare("SELECT rule, message, events FROM findings"
                + " WHERE session_id = ? AND events IS NOT NULL ORDER BY ordinal DESC");
        select.setString(1, sessionId);
        List<Finding> findings = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                findings.add(new Finding(rows.getString(1), null, rows.getString(2), sequences(rows.getString(3))));
            }
        }
        return findings;
    }

    /** The events column: NULL for a request's own finding, else sequence numbers separated by commas. */
    private static List<Long> sequences(String column) {
        if (column == null) {
            return List.of();
        }
        return Arrays.stream(column.split(",")).map(Long::valueOf).toList();
    }

    @Override
    public CompletionStage<List<PlayerFindings>> findingsByPlayer() {
        return read(statements -> {
            String player = "lint.player_name, lint.sdk_version, lint.library_version";
            Map<SessionLint.Player, long[]> sessions = new LinkedHashMap<>();
            PreparedStatement counts = statements.prepare("SELECT " + player + ", COUNT(*), SUM(CASE WHEN EXISTS"
                    + " (SELECT 1 FROM findings WHERE findings.session_id = lint.session_id) THEN 1 ELSE 0 END)"
                    + " FROM session_lint lint GROUP BY " + player);
            try (ResultSet rows = counts.executeQuery()) {
                while (rows.next()) {
                    sessions.put(player(rows), new long[] { rows.getLong(4), rows.getLong(5) });
                }
            }
            Map<SessionLint.Player, List<PlayerFindings.RuleCount>> rules = new HashMap<>();
            PreparedStatement byRule = statements.prepare("SELECT " + player + ", findings.rule, COUNT(*),"
                    + " COUNT(DISTINCT findings.session_id) FROM findings JOIN session_lint lint"
                    + " ON lint.session_id = findings.session_id GROUP BY " + player + ", findings.rule");
            try (ResultSet rows = byRule.executeQuery()) {
                while (rows.next()) {
                    rules.computeIfAbsent(player(rows), key -> new ArrayList<>())
                            .add(new PlayerFindings.RuleCount(rows.getString(4), rows.getLong(5), rows.getLong(6)));
                }
            }
            return sessions.entrySet().stream()
                    .map(entry -> new PlayerFindings(entry.getKey(), entry.getValue()[0], entry.getValue()[1],
                            PlayerFindings.ordered(rules.getOrDefault(entry.getKey(), List.of()))))
                    .sorted(PlayerFindings.BY_PLAYER)
                    .toList();
        });
    }

    private static SessionLint.Player player(ResultSet rows) throws SQLException {
        return new SessionLint.Player(rows.getString(1), rows.getString(2), rows.getString(3));
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

    private static StoredSession storedSession(ResultSet rows) throws SQLException {
        Instant createdAt = Instant.ofEpochMilli(rows.getLong("created_at"));
        ReceivedEvent start = new ReceivedEvent(EventType.SESSION_START, rows.getDouble("start_playhead"),
                rows.getLong("start_ts"), createdAt, rows.getString("start_body"));
        return new StoredSession(new Session(rows.getString("id"), createdAt, start, rows.getString("media_id"),
                rows.getString("player_name"), lifecycle(rows)), rows.getLong("event_count"));
    }

    private static Lifecycle lifecycle(ResultSet rows) throws SQLException {
        long closedAt = rows.getLong("closed_at");
        boolean closed = !rows.wasNull();
        String cause = rows.getString("close_cause");
        long endTs = rows.getLong("end_ts");
        boolean ended = !rows.wasNull();
        return new Lifecycle(SessionState.valueOf(rows.getString("state")),
                Instant.ofEpochMilli(rows.getLong("last_event_at")), rows.getDouble("last_playhead"),
                Instant.ofEpochMilli(rows.getLong("last_playhead_change_at")),
                closed ? Instant.ofEpochMilli(closedAt) : null, cause == null ? null : CloseCause.valueOf(cause),
                ended ? endTs : null);
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
