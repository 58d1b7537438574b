package dev.mediacollection.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.mediacollection.metrics.MediaMetrics;
import dev.mediacollection.metrics.MetricTotals;
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
import dev.mediacollection.store.ReportQuery;
import dev.mediacollection.store.Outbox;
import dev.mediacollection.store.OutboxBacklog;
import dev.mediacollection.store.OutboxEntry;
import dev.mediacollection.store.RelayLedger;
import dev.mediacollection.store.SessionQuery;
import dev.mediacollection.store.SessionStore;
import dev.mediacollection.store.StoreUnavailableException;

/**
 * Sessions and events in a SQL database: the embedded SQLite file or PostgreSQL, with one schema (see
 * {@code db/migration}). Writes go through {@link GroupCommit}; an acknowledgement follows the commit. Reads run on
 * their own threads, never on the caller's.
 */
public final class JdbcSessionStore implements SessionStore, Outbox, AutoCloseable {

    private static final String LIFECYCLE_COLUMNS = "state, last_event_at, last_playhead, last_playhead_change_at,"
            + " closed_at, close_cause, end_ts, event_count";
    private static final String SESSION_COLUMNS = "id, created_at, " + LIFECYCLE_COLUMNS;
    static final String SELECT_SESSIONS = selectSessions("sessions");
    /**
     * The probe row is locked last in any group (after every session id, which is hex), so that on PostgreSQL
     * concurrent groups from several instances take it in the same order as session rows and never deadlock.
     */
    private static final String PROBE_LOCK_KEY = "~write-probe";
    static final String OPEN_STATES = "('" + SessionState.OPEN + "','" + SessionState.COMPLETE + "')";
    /** The partial index of the open sessions by creation (migration V9; its condition is {@link #OPEN_STATES}). */
    private static final String OPEN_BY_CREATION_INDEX = "sessions_open_by_creation";
    /** The outbox lease row is locked after every session row (hex ids) and before the probe row, in any group. */
    private static final String LEASE_LOCK_KEY = "~outbox-lease";
    /**
     * Sessions one write of the expiry sweep or of retention handles: a few milliseconds in one group commit, so
     * that a player's write queued behind it waits no longer than that. An expiring session costs more than the row
     * it rewrites (its indexes change), so the sweep's chunks are smaller.
     */
    private static final int SWEEP_CHUNK = 200;
    private static final int RETENTION_CHUNK = 500;
    /**
     * Events one write of retention deletes, about: a session's events are spread over the pages of the hours it
     * played, and 500 sessions of 100 events each took 290 ms to delete in one transaction (20 sessions: 8 ms).
     */
    private static final long RETENTION_ROWS = 5_000;
    /**
     * How many ids one query for a group's sessions reads: powers of two, the ids padded with the last one, so that a
     * handful of statements stay prepared instead of one per group size, and a query never carries more than twice
     * the ids it needs (PostgreSQL plans each for its ids: 0.04 ms for 16, 0.64 ms for 256).
     */
    private static final int[] LOCKED_AT_ONCE = { 1, 2, 4, 8, 16, 32, 64, 128, 256 };
    private static final String INSERT_OUTBOX = "INSERT INTO outbox (destination, session_id, seq, kind, created_at)"
            + " VALUES (?, ?, ?, ?, ?)";

    private final GroupCommit writes;
    private final ReaderConnections reads;
    private final SqlDialect dialect;
    private final SessionTimeouts timeouts;
    /** Where every announcing write leaves an outbox entry; none: the outbox is not written at all. */
    private final List<String> destinations;
    private final ExecutorService readers;
    /** Stops background work on the database (the embedded store's checkpoints), before the writers close. */
    private final Runnable stopBackgroundWork;
    private final JdbcRelayLedger relayLedger;
    /** The write probe under way, shared by everyone who asks meanwhile: asking often never queues more probes. */
    private final AtomicReference<CompletableFuture<Void>> probe = new AtomicReference<>();

    JdbcSessionStore(GroupCommit writes, DataSource reads, SqlDialect dialect, SessionTimeouts timeouts,
            int readThreads, Set<String> destinations, Runnable stopBackgroundWork) {
        this.writes = writes;
        this.stopBackgroundWork = stopBackgroundWork;
        this.reads = new ReaderConnections(reads, dialect);
        this.dialect = dialect;
        this.timeouts = timeouts;
        this.destinations = List.copyOf(new TreeSet<>(destinations));
        this.readers = Executors.newFixedThreadPool(readThreads, runnable -> {
            Thread thread = new Thread(runnable, dialect.name().toLowerCase(Locale.ROOT) + "-reader");
            thread.setDaemon(true);
            return thread;
        });
        this.relayLedger = new JdbcRelayLedger(writes, this);
    }

    // --- writes -------------------------------------------------------------------------------------------------

    @Override
    public CompletionStage<Void> create(Session session) {
        return create(session, List.of());
    }

    @Override
    public CompletionStage<Void> create(Session session, List<ReceivedEvent> events) {
        return writes.submit(session.id(), statements -> {
            if (!insertSession(statements, session, events.size())) {
                return false;
            }
            long sequence = 0;
            for (ReceivedEvent event : events) {
                insertEvent(statements, session.id(), ++sequence, event);
            }
            announceCreated(statements, session, sequence);
            locked(statements, session.id(), session.lifecycle(), sequence);
            return true;
        }).thenCompose(created -> created
                ? CompletableFuture.<Void>completedFuture(null)
                : CompletableFuture.<Void>failedFuture(new DuplicateSessionException(session.id())));
    }

    @Override
    public CompletionStage<AppendResult> append(String sessionId, ReceivedEvent event) {
        return writes.submit(sessionId, statements -> {
            Optional<LockedSession> locked = lockedSession(statements, sessionId);
            if (locked.isEmpty()) {
                return new AppendResult.UnknownSession();
            }
            Lifecycle lifecycle = locked.get().lifecycle();
            long eventCount = locked.get().eventCount();
            Admission admission = lifecycle.admit(event, timeouts);
            if (admission instanceof Admission.Refused refused) {
                if (refused.expiredNow()) {
                    updateLifecycle(statements, sessionId, refused.standing(), eventCount);
                    locked(statements, sessionId, refused.standing(), eventCount);
                    announce(statements, sessionId, OutboxEntry.Kind.CLOSED, eventCount, event.receivedAt());
                }
                return new AppendResult.SessionClosed(refused.standing(), refused.expiredNow(), refused.refusal());
            }
            Admission.Kept kept = (Admission.Kept) admission;
            if (kept.late()) {
                JdbcReports.forgetMetrics(statements, sessionId);
            }
            long sequence = eventCount + 1;
            insertEvent(statements, sessionId, sequence, event);
            if (activityOnly(lifecycle, kept.next())) {
                updateActivity(statements, sessionId, kept.next(), sequence);
            } else {
                updateLifecycle(statements, sessionId, kept.next(), sequence);
            }
            locked(statements, sessionId, kept.next(), sequence);
            announce(statements, sessionId, OutboxEntry.Kind.EVENT, sequence, event.receivedAt());
            // Closed by this event (sessionEnd), or kept late after its sessionEnd: the close is announced again,
            // so that the last close record's final metrics include every event the session kept.
            if (!kept.next().state().takesEvents()) {
                announce(statements, sessionId, OutboxEntry.Kind.CLOSED, sequence, event.receivedAt());
            }
            return new AppendResult.Appended(sequence, kept.next(), kept.late());
        });
    }

    /**
     * Candidates are the open sessions, read from their own index in the order they were created;
     * {@link Lifecycle#expiry} decides. Each update is conditional on the state and activity it was decided on, so
     * concurrent sweeps (other instances) or an event arriving meanwhile never lead to a session being expired twice
     * or expired although it just moved. The sweep goes through the candidates {@link #SWEEP_CHUNK} at a time, one
     * write each, so that players' writes queued meanwhile are committed between two chunks instead of waiting for the
     * whole sweep (after an outage, hundreds of thousands of sessions may expire at once).
     */
    @Override
    public CompletionStage<Integer> expireSessions(Instant now, Consumer<ExpiredSessions> expired) {
        return expireFrom(new Opened(Long.MIN_VALUE, ""), now, expired, 0);
    }

    private CompletionStage<Integer> expireFrom(Opened after, Instant now, Consumer<ExpiredSessions> expired,
            int sofar) {
        return writes.submit(statements -> expireChunk(statements, after, now)).thenCompose(chunk -> {
            expired.accept(chunk.expired());
            int total = sofar + chunk.expired().total();
            return chunk.last().isEmpty() ? CompletableFuture.completedFuture(total)
                    : expireFrom(chunk.last().get(), now, expired, total);
        });
    }

    /** Where a sweep stands: the creation time and id of the last session it looked at. */
    private record Opened(long at, String id) {
    }

    /** What one chunk of a sweep expired, and the last candidate it looked at if there may be more. */
    private record SweepChunk(ExpiredSessions expired, Optional<Opened> last) {
    }

    private SweepChunk expireChunk(Statements statements, Opened after, Instant now) throws SQLException {
        // A chunk reads the next open sessions whether they are due or not, so that it reads at most SWEEP_CHUNK rows
        // (with a condition on their activity, a chunk finding few due sessions would read every open one), and in
        // creation order, the order of the table's rows: the rows a chunk rewrites share pages, three times fewer
        // pages to write than in id order.
        PreparedStatement select = statements.prepare("SELECT created_at, id, " + LIFECYCLE_COLUMNS + " FROM sessions"
                + dialect.indexedBy(OPEN_BY_CREATION_INDEX) + " WHERE state IN " + OPEN_STATES
                + " AND (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT " + SWEEP_CHUNK);
        select.setLong(1, after.at());
        select.setString(2, after.id());
        // Updated in id order, as appends lock rows, so that concurrent writers never deadlock.
        Map<String, Lifecycle> candidates = new TreeMap<>();
        Map<String, Long> eventCounts = new HashMap<>();
        Opened last = after;
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                last = new Opened(rows.getLong("created_at"), rows.getString("id"));
                candidates.put(last.id(), lifecycle(rows));
                eventCounts.put(last.id(), rows.getLong("event_count"));
            }
        }
        int idle = 0;
        int stalled = 0;
        Map<String, Long> closed = new LinkedHashMap<>();
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
                    closed.put(candidate.getKey(), eventCounts.get(candidate.getKey()));
                    if (expiry.get().cause() == CloseCause.IDLE) {
                        idle++;
                    } else {
                        stalled++;
                    }
                }
            }
        }
        announceClosed(statements, closed, now);
        return new SweepChunk(new ExpiredSessions(idle, stalled, List.copyOf(closed.keySet())),
                candidates.size() < SWEEP_CHUNK ? Optional.empty() : Optional.of(last));
    }

    /**
     * Retention deletes at most {@link #RETENTION_CHUNK} sessions, and about {@link #RETENTION_ROWS} of their events,
     * at a time, one write each, for the same reason as the sweep: the first retention run on a large store must not
     * hold the writers.
     */
    @Override
    public CompletionStage<Integer> deleteClosedBefore(Instant cutoff) {
        return deleteClosedBefore(cutoff, new ClosedAt(-1, ""), 0);
    }

    /** Where a retention run stands: the closing time and id of the last session it looked at. */
    private record ClosedAt(long at, String id) {
    }

    /** What one chunk of retention deleted, and where the next chunk starts if there may be more. */
    private record RetentionChunk(int deleted, Optional<ClosedAt> last) {
    }

    private CompletionStage<Integer> deleteClosedBefore(Instant cutoff, ClosedAt after, int sofar) {
        return writes.submit(statements -> deleteChunk(statements, cutoff, after)).thenCompose(chunk -> chunk.last()
                .isEmpty() ? CompletableFuture.completedFuture(sofar + chunk.deleted())
                        : deleteClosedBefore(cutoff, chunk.last().get(), sofar + chunk.deleted()));
    }

    /**
     * Candidates in closing order from the closing index, after a cursor, so that each chunk reads only its own
     * (ordered by id, every chunk would read and sort every session closed before the cutoff); deleted in id order,
     * as appends lock rows, so that concurrent writers never deadlock.
     */
    private RetentionChunk deleteChunk(Statements statements, Instant cutoff, ClosedAt after) throws SQLException {
        // A session whose outbox entries are not all relayed yet stays until they are: none is ever skipped.
        PreparedStatement select = statements.prepare("SELECT sessions.id, sessions.closed_at, sessions.event_count"
                + " FROM sessions"
                + " LEFT JOIN outbox ON outbox.session_id = sessions.id"
                + " WHERE sessions.closed_at < ? AND (sessions.closed_at > ? OR (sessions.closed_at = ?"
                + " AND sessions.id > ?)) AND sessions.state NOT IN " + OPEN_STATES
                + " AND outbox.session_id IS NULL ORDER BY sessions.closed_at, sessions.id LIMIT " + RETENTION_CHUNK);
        select.setLong(1, cutoff.toEpochMilli());
        select.setLong(2, after.at());
        select.setLong(3, after.at());
        select.setString(4, after.id());
        List<String> ids = new ArrayList<>();
        ClosedAt last = after;
        long events = 0;
        boolean more;
        try (ResultSet rows = select.executeQuery()) {
            while ((more = rows.next()) && (ids.isEmpty() || events < RETENTION_ROWS)) {
                last = new ClosedAt(rows.getLong(2), rows.getString(1));
                ids.add(last.id());
                events += rows.getLong(3);
            }
        }
        Collections.sort(ids);
        for (String table : new String[] { "findings", "session_lint", "events", "session_starts",
                MetricsTable.TABLE, "relay_sessions" }) {
            deleteEach(statements, "DELETE FROM " + table + " WHERE session_id = ?", ids);
        }
        deleteEach(statements, "DELETE FROM sessions WHERE id = ?", ids);
        boolean leftOver = more || ids.size() == RETENTION_CHUNK;
        return new RetentionChunk(ids.size(), leftOver ? Optional.of(last) : Optional.empty());
    }

    private static void deleteEach(Statements statements, String delete, List<String> ids) throws SQLException {
        PreparedStatement statement = statements.prepare(delete);
        for (String id : ids) {
            statement.setString(1, id);
            statement.addBatch();
        }
        statement.executeBatch();
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

    /**
     * The session as the group's writes left it, or empty if there is none by that id. The first write of a group
     * that asks reads the sessions of every write left in the group at once, in lock order (on PostgreSQL with their
     * row locks, taken in the order every group takes them): one query a group instead of one a write.
     */
    private Optional<LockedSession> lockedSession(Statements statements, String sessionId) throws SQLException {
        Map<String, Optional<LockedSession>> locked = statements.lockedSessions();
        if (!locked.containsKey(sessionId)) {
            List<String> ids = statements.groupKeysFrom(sessionId).stream().filter(id -> !locked.containsKey(id))
                    .toList();
            int most = LOCKED_AT_ONCE[LOCKED_AT_ONCE.length - 1];
            for (int from = 0; from < ids.size(); from += most) {
                lockSessions(statements, ids.subList(from, Math.min(ids.size(), from + most)), locked);
            }
        }
        return locked.get(sessionId);
    }

    private void lockSessions(Statements statements, List<String> ids, Map<String, Optional<LockedSession>> locked)
            throws SQLException {
        int size = Arrays.stream(LOCKED_AT_ONCE).filter(at -> at >= ids.size()).findFirst().orElseThrow();
        PreparedStatement select = statements.prepare("SELECT id, " + LIFECYCLE_COLUMNS + " FROM sessions WHERE id IN ("
                + String.join(", ", Collections.nCopies(size, "?")) + ") ORDER BY id" + dialect.lockRow());
        dialect.planForItsParameters(select);
        for (int i = 0; i < size; i++) {
            select.setString(i + 1, ids.get(Math.min(i, ids.size() - 1)));
        }
        for (String id : ids) {
            locked.put(id, Optional.empty());
        }
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                locked.put(rows.getString("id"), Optional.of(new LockedSession(lifecycle(rows),
                        rows.getLong("event_count"))));
            }
        }
    }

    /** What the group's write just left the session as, for the writes after it in the same group. */
    private static void locked(Statements statements, String sessionId, Lifecycle lifecycle, long eventCount) {
        statements.lockedSessions().put(sessionId, Optional.of(new LockedSession(lifecycle, eventCount)));
    }

    /**
     * Inserts the session unless its id is taken. In a group on PostgreSQL, the new id is looked up with the group's
     * sessions (where a taken id is found), so that the session's rows wait for the group's one batch per statement;
     * should another instance take the same id meanwhile, the insert fails the group, and the create, retried
     * alone, checks again. Alone, and on SQLite (in the process, no round trip), the insert is the check: ON
     * CONFLICT DO NOTHING, at once (it waits for another instance's insert of that id, and finds it taken).
     */
    private boolean insertSession(Statements statements, Session session, long eventCount) throws SQLException {
        String insertSql = "INSERT INTO sessions (" + SESSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        PreparedStatement insert;
        boolean batched = dialect.roundTrips() && !statements.alone();
        if (batched) {
            if (lockedSession(statements, session.id()).isPresent()) {
                return false;
            }
            insert = statements.deferParent(insertSql);
        } else {
            insert = statements.prepare(insertSql + " ON CONFLICT (id) DO NOTHING");
        }
        Lifecycle lifecycle = session.lifecycle();
        insert.setString(1, session.id());
        insert.setLong(2, session.createdAt().toEpochMilli());
        insert.setString(3, lifecycle.state().name());
        insert.setLong(4, lifecycle.lastEventAt().toEpochMilli());
        insert.setDouble(5, lifecycle.lastPlayhead());
        insert.setLong(6, lifecycle.lastPlayheadChangeAt().toEpochMilli());
        setClosing(insert, 7, lifecycle);
        insert.setLong(10, eventCount);
        if (batched) {
            insert.addBatch();
        } else if (insert.executeUpdate() == 0) {
            return false;
        }
        ReceivedEvent start = session.start();
        PreparedStatement insertStart = statements.defer("INSERT INTO session_starts (session_id, ts, playhead,"
                + " body, media_id, player_name, channel, content_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        insertStart.setString(1, session.id());
        insertStart.setLong(2, start.ts());
        insertStart.setDouble(3, start.playhead());
        insertStart.setString(4, start.body());
        insertStart.setString(5, session.mediaId());
        insertStart.setString(6, session.playerName());
        insertStart.setString(7, session.channel());
        insertStart.setString(8, session.contentType());
        insertStart.addBatch();
        insertFindings(statements, session.id(), 0, start);
        return true;
    }

    private static void insertEvent(Statements statements, String sessionId, long sequence, ReceivedEvent event)
            throws SQLException {
        PreparedStatement insert = statements.defer("INSERT INTO events"
                + " (session_id, seq, event_type, playhead, ts, received_at, body) VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.setString(1, sessionId);
        insert.setLong(2, sequence);
        insert.setString(3, event.type().wireName());
        insert.setDouble(4, event.playhead());
        insert.setLong(5, event.ts());
        insert.setLong(6, event.receivedAt().toEpochMilli());
        insert.setString(7, event.body());
        insert.addBatch();
        insertFindings(statements, sessionId, sequence, event);
    }

    /** A request's findings, in its transaction; a request without any writes nothing here. */
    private static void insertFindings(Statements statements, String sessionId, long sequence, ReceivedEvent event)
            throws SQLException {
        if (event.findings().isEmpty()) {
            return;
        }
        PreparedStatement insert = statements.defer("INSERT INTO findings (session_id, seq, ordinal, event_type,"
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
    }

    private static void updateLifecycle(Statements statements, String sessionId, Lifecycle lifecycle,
            long eventCount) throws SQLException {
        PreparedStatement update = statements.defer("UPDATE sessions SET state = ?,"
                + " last_event_at = ?, last_playhead = ?, last_playhead_change_at = ?, closed_at = ?,"
                + " close_cause = ?, end_ts = ?, event_count = ? WHERE id = ?");
        update.setString(1, lifecycle.state().name());
        update.setLong(2, lifecycle.lastEventAt().toEpochMilli());
        update.setDouble(3, lifecycle.lastPlayhead());
        update.setLong(4, lifecycle.lastPlayheadChangeAt().toEpochMilli());
        setClosing(update, 5, lifecycle);
        update.setLong(8, eventCount);
        update.setString(9, sessionId);
        update.addBatch();
    }

    /** Whether an event changed only the session's activity, as most do: its state and closing stay as they were. */
    private static boolean activityOnly(Lifecycle before, Lifecycle after) {
        return before.state() == after.state() && Objects.equals(before.closedAt(), after.closedAt())
                && before.closeCause() == after.closeCause() && Objects.equals(before.endTs(), after.endTs());
    }

    /**
     * The activity columns alone: SQLite rewrites an index entry for every column an UPDATE sets, changed or not, and
     * no index covers these, so an event that leaves state and closing alone touches only the row.
     */
    private static void updateActivity(Statements statements, String sessionId, Lifecycle lifecycle, long eventCount)
            throws SQLException {
        PreparedStatement update = statements.defer("UPDATE sessions SET last_event_at = ?, last_playhead = ?,"
                + " last_playhead_change_at = ?, event_count = ? WHERE id = ?");
        update.setLong(1, lifecycle.lastEventAt().toEpochMilli());
        update.setDouble(2, lifecycle.lastPlayhead());
        update.setLong(3, lifecycle.lastPlayheadChangeAt().toEpochMilli());
        update.setLong(4, eventCount);
        update.setString(5, sessionId);
        update.addBatch();
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
            complete.add(new StoredSession(session.withStart(session.start().withFindings(
                    startFindings.getOrDefault(session.id(), List.of()))), stored.eventCount(),
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

    @Override
    public CompletionStage<List<StoredSession>> awaitingMetrics(Instant closedBy, int limit) {
        return read(statements -> JdbcReports.awaitingMetrics(statements, dialect, closedBy, limit));
    }

    /** Locks the session's row like an event does, so that it takes its place in the lock order of a group. */
    @Override
    public CompletionStage<Boolean> storeMetrics(String sessionId, long eventCount, MediaMetrics metrics) {
        return writes.submit(sessionId, statements -> JdbcReports.storeMetrics(statements, sessionId, eventCount,
                metrics));
    }

    @Override
    public CompletionStage<Map<String, MetricTotals>> report(ReportQuery query,
            BiFunction<Session, List<StoredEvent>, MediaMetrics> replay) {
        return read(statements -> JdbcReports.report(statements, dialect, query, replay));
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
        return read(statements -> withFindings(statements, query.sessionId(), events(statements, query)));
    }

    static List<StoredEvent> events(Statements statements, EventQuery query) throws SQLException {
        String after = query.after().isEmpty() ? ""
                : query.byTs() ? " AND (ts > ? OR (ts = ? AND seq > ?))" : " AND seq > ?";
        PreparedStatement select = statements.prepare("SELECT " + EVENT_COLUMNS + " FROM events WHERE session_id = ?"
                + after
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
                events.add(storedEvent(rows));
            }
        }
        return events;
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
            return new StoredEvent(stored.sequence(), stored.event().withFindings(findings));
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

    /** What a {@link #storedEvent} is read from. */
    static final String EVENT_COLUMNS = "seq, event_type, playhead, ts, received_at, body";

    /** A row of {@link #EVENT_COLUMNS}. */
    static StoredEvent storedEvent(ResultSet rows) throws SQLException {
        return new StoredEvent(rows.getLong("seq"), new ReceivedEvent(EventType.fromWireName(
                rows.getString("event_type")), rows.getDouble("playhead"), rows.getLong("ts"),
                Instant.ofEpochMilli(rows.getLong("received_at")), rows.getString("body")));
    }

    <T> CompletionStage<T> read(GroupCommit.Work<T> query) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CallerContext caller = CallerContext.current();
        try {
            readers.execute(() -> {
                try {
                    caller.complete(result, reads.read(query));
                } catch (SQLException | RuntimeException e) {
                    caller.fail(result, new StoreUnavailableException("The store could not be read", e));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            result.completeExceptionally(new StoreUnavailableException("The store is shutting down"));
        }
        return result;
    }

    /** Sessions with their starts, from {@code sessions} as written here (with an index hint, for one). */
    static String selectSessions(String sessionsTable) {
        return "SELECT sessions.id, sessions.created_at, sessions.state, sessions.last_event_at,"
                + " sessions.last_playhead, sessions.last_playhead_change_at, sessions.closed_at, sessions.close_cause,"
                + " sessions.end_ts, sessions.event_count, start.ts AS start_ts, start.playhead AS start_playhead,"
                + " start.body AS start_body, start.media_id, start.player_name, start.channel, start.content_type"
                + " FROM " + sessionsTable + " JOIN session_starts start ON start.session_id = sessions.id";
    }

    /** A row of {@link #selectSessions}. */
    static StoredSession storedSession(ResultSet rows) throws SQLException {
        Instant createdAt = Instant.ofEpochMilli(rows.getLong("created_at"));
        ReceivedEvent start = new ReceivedEvent(EventType.SESSION_START, rows.getDouble("start_playhead"),
                rows.getLong("start_ts"), createdAt, rows.getString("start_body"));
        return new StoredSession(new Session(rows.getString("id"), createdAt, start, rows.getString("media_id"),
                rows.getString("player_name"), rows.getString("channel"), rows.getString("content_type"),
                lifecycle(rows)), rows.getLong("event_count"));
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

    // --- outbox ---------------------------------------------------------------------------------------------------

    @Override
    public Optional<Outbox> outbox() {
        return Optional.of(this);
    }

    @Override
    public Optional<RelayLedger> relayLedger() {
        return Optional.of(relayLedger);
    }

    /** A live session announces its opening; a downloaded one arrives whole and closed, with its events. */
    private void announceCreated(Statements statements, Session session, long events) throws SQLException {
        if (session.lifecycle().state().takesEvents()) {
            announce(statements, session.id(), OutboxEntry.Kind.OPENED, 0, session.createdAt());
        } else {
            announce(statements, session.id(), OutboxEntry.Kind.DOWNLOADED, events, session.createdAt());
            announce(statements, session.id(), OutboxEntry.Kind.CLOSED, events, session.createdAt());
        }
    }

    private void announce(Statements statements, String sessionId, OutboxEntry.Kind kind, long sequence, Instant at)
            throws SQLException {
        if (destinations.isEmpty()) {
            return;
        }
        PreparedStatement insert = statements.defer(INSERT_OUTBOX);
        for (String destination : destinations) {
            setOutboxEntry(insert, destination, sessionId, kind, sequence, at);
            insert.addBatch();
        }
    }

    /** The sessions a sweep expired, with their event counts: one batch, so that a large sweep stays one trip. */
    private void announceClosed(Statements statements, Map<String, Long> closed, Instant at) throws SQLException {
        if (destinations.isEmpty() || closed.isEmpty()) {
            return;
        }
        PreparedStatement insert = statements.prepare(INSERT_OUTBOX);
        insert.clearBatch();
        for (Map.Entry<String, Long> session : closed.entrySet()) {
            for (String destination : destinations) {
                setOutboxEntry(insert, destination, session.getKey(), OutboxEntry.Kind.CLOSED, session.getValue(), at);
                insert.addBatch();
            }
        }
        insert.executeBatch();
    }

    private static void setOutboxEntry(PreparedStatement insert, String destination, String sessionId,
            OutboxEntry.Kind kind, long sequence, Instant at) throws SQLException {
        insert.setString(1, destination);
        insert.setString(2, sessionId);
        insert.setLong(3, sequence);
        insert.setString(4, kind.name());
        insert.setLong(5, at.toEpochMilli());
    }

    /**
     * One query for a whole batch: each entry with the request it announces, the event by its sequence or the
     * session's start (whose arrival is the session's creation).
     */
    @Override
    public CompletionStage<List<OutboxEntry>> pending(String destination, int limit, Instant now) {
        return read(statements -> {
            PreparedStatement select = statements.prepare("SELECT outbox.position, outbox.session_id, outbox.seq,"
                    + " outbox.kind, outbox.created_at, events.event_type, events.playhead, events.ts,"
                    + " events.received_at, events.body, start.playhead AS start_playhead, start.ts AS start_ts,"
                    + " start.body AS start_body, sessions.created_at AS opened_at"
                    + " FROM outbox"
                    + " LEFT JOIN events ON outbox.kind = '" + OutboxEntry.Kind.EVENT + "'"
                    + " AND events.session_id = outbox.session_id AND events.seq = outbox.seq"
                    + " LEFT JOIN session_starts start ON outbox.kind IN ('" + OutboxEntry.Kind.OPENED + "','"
                    + OutboxEntry.Kind.DOWNLOADED + "') AND start.session_id = outbox.session_id"
                    + " LEFT JOIN sessions ON sessions.id = start.session_id"
                    + " WHERE outbox.destination = ? AND NOT EXISTS (SELECT 1 FROM relay_sessions held"
                    + " WHERE held.destination = outbox.destination AND held.session_id = outbox.session_id"
                    + " AND held.retry_at > ?)"
                    + " ORDER BY outbox.position LIMIT ?");
            select.setString(1, destination);
            select.setLong(2, now.toEpochMilli());
            select.setInt(3, limit);
            List<OutboxEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(outboxEntry(rows));
                }
            }
            return withRequestFindings(statements, entries);
        });
    }

    /**
     * The entries, each request with its findings: one read of the findings' primary key for the whole batch, which
     * finds nothing for requests without findings.
     */
    private static List<OutboxEntry> withRequestFindings(Statements statements, List<OutboxEntry> entries)
            throws SQLException {
        List<OutboxEntry> announcing = entries.stream().filter(entry -> entry.request().isPresent()).toList();
        if (announcing.isEmpty()) {
            return entries;
        }
        // A request's own findings: the session-level ones (events IS NOT NULL) are not the request's.
        PreparedStatement select = statements.prepare("SELECT session_id, seq, rule, pointer, message FROM findings"
                + " WHERE events IS NULL AND (" + String.join(" OR ", Collections.nCopies(announcing.size(),
                        "(session_id = ? AND seq = ?)")) + ")"
                + " ORDER BY session_id, seq, ordinal");
        int index = 1;
        for (OutboxEntry entry : announcing) {
            select.setString(index++, entry.sessionId());
            select.setLong(index++, requestSequence(entry));
        }
        Map<RequestKey, List<Finding>> byRequest = new HashMap<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                byRequest.computeIfAbsent(new RequestKey(rows.getString(1), rows.getLong(2)), key -> new ArrayList<>())
                        .add(new Finding(rows.getString(3), rows.getString(4), rows.getString(5)));
            }
        }
        if (byRequest.isEmpty()) {
            return entries;
        }
        return entries.stream().map(entry -> {
            List<Finding> findings = entry.request().isEmpty() ? null
                    : byRequest.get(new RequestKey(entry.sessionId(), requestSequence(entry)));
            if (findings == null) {
                return entry;
            }
            return new OutboxEntry(entry.position(), entry.sessionId(), entry.kind(), entry.sequence(),
                    entry.createdAt(), Optional.of(entry.request().get().withFindings(findings)));
        }).toList();
    }

    /** A request of a session: its sessionStart (0) or an event. */
    private record RequestKey(String sessionId, long sequence) {
    }

    /** The sequence of the request an entry announces: the event's, or 0 for a session's sessionStart. */
    private static long requestSequence(OutboxEntry entry) {
        return entry.kind() == OutboxEntry.Kind.EVENT ? entry.sequence() : 0;
    }

    private static OutboxEntry outboxEntry(ResultSet rows) throws SQLException {
        OutboxEntry.Kind kind = OutboxEntry.Kind.valueOf(rows.getString("kind"));
        Optional<ReceivedEvent> request = Optional.empty();
        if (rows.getString("body") != null) {
            request = Optional.of(new ReceivedEvent(EventType.fromWireName(rows.getString("event_type")),
                    rows.getDouble("playhead"), rows.getLong("ts"), Instant.ofEpochMilli(rows.getLong("received_at")),
                    rows.getString("body")));
        } else if (rows.getString("start_body") != null) {
            request = Optional.of(new ReceivedEvent(EventType.SESSION_START, rows.getDouble("start_playhead"),
                    rows.getLong("start_ts"), Instant.ofEpochMilli(rows.getLong("opened_at")),
                    rows.getString("start_body")));
        }
        return new OutboxEntry(rows.getLong("position"), rows.getString("session_id"), kind, rows.getLong("seq"),
                Instant.ofEpochMilli(rows.getLong("created_at")), request);
    }

    /** Exactly the given positions: on PostgreSQL a lower position can commit after a higher one was relayed. */
    @Override
    public CompletionStage<Void> remove(String destination, Collection<Long> positions) {
        if (positions.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<Long> removed = List.copyOf(positions);
        return writes.submit(statements -> {
            PreparedStatement delete = statements.prepare("DELETE FROM outbox WHERE position = ? AND destination = ?");
            delete.clearBatch();
            for (long position : removed) {
                delete.setLong(1, position);
                delete.setString(2, destination);
                delete.addBatch();
            }
            delete.executeBatch();
            return null;
        });
    }

    @Override
    public CompletionStage<OutboxBacklog> backlog(String destination) {
        return read(statements -> {
            PreparedStatement select = statements.prepare(
                    "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE destination = ?");
            select.setString(1, destination);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                long pending = rows.getLong(1);
                long oldest = rows.getLong(2);
                return new OutboxBacklog(pending,
                        rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(oldest)));
            }
        });
    }

    /**
     * The first owner creates the row; later, the row changes hands only once its lease ran out. On PostgreSQL a
     * competing update waits for the row and then sees the winner's lease, so two instances never both hold it.
     */
    @Override
    public CompletionStage<Boolean> lease(String destination, String owner, Instant now, Instant until) {
        return writes.submit(LEASE_LOCK_KEY, statements -> {
            PreparedStatement insert = statements.prepare("INSERT INTO outbox_leases (destination, owner, expires_at)"
                    + " VALUES (?, ?, ?) ON CONFLICT (destination) DO NOTHING");
            insert.setString(1, destination);
            insert.setString(2, owner);
            insert.setLong(3, until.toEpochMilli());
            if (insert.executeUpdate() == 1) {
                return true;
            }
            PreparedStatement update = statements.prepare("UPDATE outbox_leases SET owner = ?, expires_at = ?"
                    + " WHERE destination = ? AND (owner = ? OR expires_at <= ?)");
            update.setString(1, owner);
            update.setLong(2, until.toEpochMilli());
            update.setString(3, destination);
            update.setString(4, owner);
            update.setLong(5, now.toEpochMilli());
            return update.executeUpdate() == 1;
        });
    }

    @Override
    public CompletionStage<Void> release(String destination, String owner) {
        return writes.submit(LEASE_LOCK_KEY, statements -> {
            PreparedStatement delete = statements.prepare(
                    "DELETE FROM outbox_leases WHERE destination = ? AND owner = ?");
            delete.setString(1, destination);
            delete.setString(2, owner);
            delete.executeUpdate();
            return null;
        });
    }

    /** Commits every write already queued, then releases threads and connections. */
    @Override
    public void close() {
        stopBackgroundWork.run();
        writes.close();
        readers.shutdown();
        try {
            readers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reads.close();
    }
}
