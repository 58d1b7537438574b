package dev.mediacollection.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.quarkus.logging.Log;

/**
 * A connection with its prepared statements, each prepared once and reused: parsing SQL is a good part of what a
 * small write costs. Statements belong to this object; callers close only their result sets.
 *
 * <p>On a writer's connection it also holds the group commit in progress: the rows its writes add or change, batched
 * per statement and sent at the next {@link #flush()} (one round trip per statement for the whole group instead of
 * one per row on PostgreSQL), and the session rows its writes read and lock, read once for the whole group.
 */
final class Statements implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    /** Deferred statements with rows to send, in the order they were first deferred: parents, then the others. */
    private final Set<PreparedStatement> parents = new LinkedHashSet<>();
    private final Set<PreparedStatement> pending = new LinkedHashSet<>();
    private List<String> groupKeys = List.of();
    private boolean alone;
    private final Map<String, Optional<LockedSession>> lockedSessions = new HashMap<>();

    Statements(Connection connection) {
        this.connection = connection;
    }

    /**
     * A statement to execute now. Whatever was deferred is sent first, so that what this statement reads or changes
     * follows every write before it, as if nothing had been deferred.
     */
    PreparedStatement prepare(String sql) throws SQLException {
        flush();
        return statement(sql);
    }

    /**
     * A statement whose rows the caller adds with {@code addBatch()}, sent at the next {@link #flush()} or
     * {@link #prepare}. Nothing may read their outcome: an insert that must be checked is prepared, not deferred.
     */
    PreparedStatement defer(String sql) throws SQLException {
        PreparedStatement statement = statement(sql);
        pending.add(statement);
        return statement;
    }

    /** {@link #defer}, for the rows that deferred rows of other statements refer to: sent before them. */
    PreparedStatement deferParent(String sql) throws SQLException {
        PreparedStatement statement = statement(sql);
        parents.add(statement);
        return statement;
    }

    /**
     * Sends every deferred row: the parents' statements first, then the others, each in the order deferred. A
     * statement leaves the deferred ones once sent: if one fails, those not sent yet keep their rows until
     * {@link #startGroup} clears them, so that none is sent with the next group (a retried write's rows would go with
     * the failed group's).
     */
    void flush() throws SQLException {
        if (parents.isEmpty() && pending.isEmpty()) {
            return;
        }
        List<PreparedStatement> batches = new ArrayList<>(parents);
        batches.addAll(pending);
        for (PreparedStatement batch : batches) {
            batch.executeBatch();
            parents.remove(batch);
            pending.remove(batch);
        }
    }

    /**
     * Starts a group after whatever came before was committed or rolled back: forgets the rows deferred and the
     * sessions read. {@code lockKeys}, sorted, are the keys of the group's writes; {@code alone}: the group is one
     * write (or one retried alone after its group failed), whose failure is final.
     */
    void startGroup(List<String> lockKeys, boolean alone) throws SQLException {
        for (PreparedStatement batch : parents) {
            batch.clearBatch();
        }
        for (PreparedStatement batch : pending) {
            batch.clearBatch();
        }
        parents.clear();
        pending.clear();
        groupKeys = lockKeys;
        this.alone = alone;
        lockedSessions.clear();
    }

    /**
     * Whether the write runs alone, its failure final: a check that a group would leave to its commit (another
     * instance taking the same id meanwhile fails the group, and each write is retried alone) it makes at once.
     */
    boolean alone() {
        return alone;
    }

    /** The lock keys of the group's writes from {@code key} on, in lock order, {@code key} first. */
    List<String> groupKeysFrom(String key) {
        List<String> keys = new ArrayList<>();
        keys.add(key);
        for (String other : groupKeys) {
            if (other.compareTo(key) > 0 && !other.equals(keys.get(keys.size() - 1))) {
                keys.add(other);
            }
        }
        return keys;
    }

    /**
     * The sessions the group has read (and on PostgreSQL locked) by id, as its writes left them; empty for an id
     * looked up and not found.
     */
    Map<String, Optional<LockedSession>> lockedSessions() {
        return lockedSessions;
    }

    Connection connection() {
        return connection;
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        } else {
            statement.clearParameters();
        }
        return statement;
    }

    /** Closes {@code statements} if there are any, logging instead of throwing: the connection may be broken. */
    static void closeQuietly(Statements statements) {
        if (statements != null) {
            try {
                statements.close();
            } catch (SQLException e) {
                Log.debugf(e, "Closing a broken connection failed");
            }
        }
    }

    /** Closes the statements and the connection, whatever fails along the way. */
    @Override
    public void close() throws SQLException {
        try {
            for (PreparedStatement statement : prepared.values()) {
                statement.close();
            }
        } finally {
            prepared.clear();
            connection.close();
        }
    }
}
