package dev.mediacollection.store.jdbc;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

/**
 * The connections the store's reader threads read with. On SQLite each reader thread keeps its own, with its
 * prepared statements, from its first read until the store closes: a new connection opens the file and runs its
 * settings, and every statement would be prepared again, which cost more than the reads themselves (most of a reader's
 * CPU while the finaliser and the linter caught up on closed sessions). On PostgreSQL each read takes a connection
 * from the pool and gives it back, so that the pool checks it and a broken one is replaced.
 */
final class ReaderConnections implements AutoCloseable {

    private final DataSource source;
    private final boolean kept;
    private final ThreadLocal<Statements> threadStatements = new ThreadLocal<>();
    private final Set<Statements> open = ConcurrentHashMap.newKeySet();

    ReaderConnections(DataSource source, SqlDialect dialect) {
        this.source = source;
        this.kept = dialect == SqlDialect.SQLITE;
    }

    /**
     * Runs {@code query} on this thread's connection. A read leaves no transaction open (an open SQLite read would
     * keep the WAL from being checkpointed): callers close their result sets, and end what transaction they begin.
     */
    <T> T read(GroupCommit.Work<T> query) throws SQLException {
        if (!kept) {
            try (Statements statements = new Statements(source.getConnection())) {
                return query.apply(statements);
            }
        }
        Statements statements = threadStatements.get();
        if (statements == null) {
            statements = new Statements(source.getConnection());
            threadStatements.set(statements);
            open.add(statements);
        }
        try {
            return query.apply(statements);
        } catch (SQLException | RuntimeException e) {
            // The connection may be what failed: the next read on this thread opens another.
            threadStatements.remove();
            open.remove(statements);
            Statements.closeQuietly(statements);
            throw e;
        }
    }

    /** Closes the kept connections; called once the reader threads have stopped. */
    @Override
    public void close() {
        open.forEach(Statements::closeQuietly);
        open.clear();
    }
}
