package dev.mediacollection.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.mediacollection.store.OutboxEntry;
import dev.mediacollection.store.RelayLedger;
import dev.mediacollection.store.SessionRelay;

/**
 * The {@code relay_sessions} table (V7 migration). Each write that settles an entry removes it from the outbox in
 * the same transaction; writes are queued under the session's id, as appends are, so that concurrent groups on
 * PostgreSQL take their locks in one order.
 */
final class JdbcRelayLedger implements RelayLedger {

    private static final String UPSERT = "INSERT INTO relay_sessions (destination, session_id, outcome, remote_id,"
            + " attempts, retry_at, last_failure, detail, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (destination, session_id) DO UPDATE SET ";
    private static final String REMOVE_ENTRY = "DELETE FROM outbox WHERE position = ? AND destination = ?";
    private static final String COLUMNS = "session_id, outcome, remote_id, attempts, retry_at, last_failure, detail,"
            + " updated_at";

    private final GroupCommit writes;
    private final JdbcSessionStore reads;

    JdbcRelayLedger(GroupCommit writes, JdbcSessionStore reads) {
        this.writes = writes;
        this.reads = reads;
    }

    @Override
    public CompletionStage<Map<String, SessionRelay>> sessions(String destination, Collection<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        List<String> ids = List.copyOf(sessionIds);
        return reads.read(statements -> {
            PreparedStatement select = statements.prepare("SELECT " + COLUMNS + " FROM relay_sessions"
                    + " WHERE destination = ? AND session_id IN (" + String.join(",", Collections.nCopies(ids.size(),
                            "?")) + ")");
            select.setString(1, destination);
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 2, ids.get(i));
            }
            Map<String, SessionRelay> found = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    SessionRelay relay = sessionRelay(rows);
                    found.put(relay.sessionId(), relay);
                }
            }
            return found;
        });
    }

    @Override
    public CompletionStage<Void> delivered(String destination, OutboxEntry entry, Optional<String> remoteId,
            Instant at) {
        return writes.submit(entry.sessionId(), statements -> {
            PreparedStatement upsert = statements.prepare(UPSERT + "remote_id = COALESCE(excluded.remote_id,"
                    + " relay_sessions.remote_id), attempts = 0, retry_at = 0, last_failure = NULL,"
                    + " updated_at = excluded.updated_at");
            set(upsert, destination, entry.sessionId(), SessionRelay.Outcome.RELAYING, remoteId.orElse(null), 0, 0,
                    null, null, at);
            upsert.executeUpdate();
            remove(statements, destination, entry);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> failed(String destination, String sessionId, int attempts, Instant retryAt,
            String reason, Instant at) {
        return writes.submit(sessionId, statements -> {
            PreparedStatement upsert = statements.prepare(UPSERT + "attempts = excluded.attempts,"
                    + " retry_at = excluded.retry_at, last_failure = excluded.last_failure,"
                    + " updated_at = excluded.updated_at");
            set(upsert, destination, sessionId, SessionRelay.Outcome.RELAYING, null, attempts,
                    retryAt.toEpochMilli(), reason, null, at);
            upsert.executeUpdate();
            return null;
        });
    }

    @Override
    public CompletionStage<Void> settled(String destination, OutboxEntry entry, SessionRelay.Outcome outcome,
            String detail, Instant at) {
        return writes.submit(entry.sessionId(), statements -> {
            PreparedStatement upsert = statements.prepare(UPSERT + "outcome = excluded.outcome, attempts = 0,"
                    + " retry_at = 0, last_failure = NULL, detail = excluded.detail, updated_at = excluded.updated_at");
            set(upsert, destination, entry.sessionId(), outcome, null, 0, 0, null, detail, at);
            upsert.executeUpdate();
            remove(statements, destination, entry);
            return null;
        });
    }

    @Override
    public CompletionStage<Optional<RelayStanding>> standing(String destination, String sessionId) {
        return reads.read(statements -> {
            PreparedStatement select = statements.prepare("SELECT " + COLUMNS + " FROM relay_sessions"
                    + " WHERE destination = ? AND session_id = ?");
            select.setString(1, destination);
            select.setString(2, sessionId);
            Optional<SessionRelay> relay;
            try (ResultSet rows = select.executeQuery()) {
                relay = rows.next() ? Optional.of(sessionRelay(rows)) : Optional.empty();
            }
            PreparedStatement count = statements.prepare(
                    "SELECT COUNT(*) FROM outbox WHERE destination = ? AND session_id = ?");
            count.setString(1, destination);
            count.setString(2, sessionId);
            long waiting;
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                waiting = rows.getLong(1);
            }
            return relay.isEmpty() && waiting == 0 ? Optional.<RelayStanding>empty()
                    : Optional.of(new RelayStanding(relay, waiting));
        });
    }

    private static void remove(Statements statements, String destination, OutboxEntry entry) throws SQLException {
        PreparedStatement delete = statements.prepare(REMOVE_ENTRY);
        delete.setLong(1, entry.position());
        delete.setString(2, destination);
        delete.executeUpdate();
    }

    private static void set(PreparedStatement upsert, String destination, String sessionId,
            SessionRelay.Outcome outcome, String remoteId, int attempts, long retryAt, String lastFailure,
            String detail, Instant at) throws SQLException {
        upsert.setString(1, destination);
        upsert.setString(2, sessionId);
        upsert.setString(3, outcome.name());
        upsert.setString(4, remoteId);
        upsert.setInt(5, attempts);
        upsert.setLong(6, retryAt);
        upsert.setString(7, lastFailure);
        upsert.setString(8, detail);
        upsert.setLong(9, at.toEpochMilli());
    }

    private static SessionRelay sessionRelay(ResultSet rows) throws SQLException {
        long retryAt = rows.getLong("retry_at");
        return new SessionRelay(rows.getString("session_id"),
                SessionRelay.Outcome.valueOf(rows.getString("outcome")),
                Optional.ofNullable(rows.getString("remote_id")), rows.getInt("attempts"),
                retryAt == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(retryAt)),
                Optional.ofNullable(rows.getString("last_failure")), Optional.ofNullable(rows.getString("detail")),
                Instant.ofEpochMilli(rows.getLong("updated_at")));
    }
}
