package dev.mediacollection.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.postgresql.PGStatement;

/** Where the SQL databases the store runs on differ. */
enum SqlDialect {

    /** One writer connection serialises all writes, so reads for update need no lock. */
    SQLITE("", "INTEGER PRIMARY KEY AUTOINCREMENT"),
    /** Several writers, and several instances: an event's session row is locked until its group commits. */
    POSTGRESQL(" FOR UPDATE", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");

    private final String lockRow;
    private final String increasingKey;

    SqlDialect(String lockRow, String increasingKey) {
        this.lockRow = lockRow;
        this.increasingKey = increasingKey;
    }

    String lockRow() {
        return lockRow;
    }

    /**
     * Whether every statement is a round trip to a server (PostgreSQL), so that a check worth a query of its own is
     * better made for the whole group at once; SQLite runs in the process.
     */
    boolean roundTrips() {
        return this == POSTGRESQL;
    }

    /** An expression of {@code session_starts}: a string param of the {@code sessionStart} body as received. */
    String startParam(String param) {
        return switch (this) {
            case SQLITE -> "json_extract(body, '$.params.\"" + param + "\"')";
            case POSTGRESQL -> "CAST(body AS json) -> 'params' ->> '" + param + "'";
        };
    }

    /**
     * What follows a table's name in FROM to make a query use that index. SQLite's planner has no statistics unless
     * someone runs ANALYZE, and left alone prefers an equality on a wider index to a small partial one; PostgreSQL's
     * has them and needs no hint.
     */
    String indexedBy(String index) {
        return switch (this) {
            case SQLITE -> " INDEXED BY " + index;
            case POSTGRESQL -> "";
        };
    }

    /** The isolation in which a connection's reads all see one snapshot of the data. */
    int snapshotIsolation() {
        return switch (this) {
            // What a SQLite read transaction always is, and the only level besides READ_UNCOMMITTED it accepts.
            case SQLITE -> Connection.TRANSACTION_SERIALIZABLE;
            case POSTGRESQL -> Connection.TRANSACTION_REPEATABLE_READ;
        };
    }

    /**
     * Has the database plan {@code statement} for its parameters at every execution. PostgreSQL gives a statement it
     * keeps prepared a generic plan after five executions, chosen from the table's statistics of that moment: a query
     * over a list of ids, planned while the table was small, reads the whole table, and goes on doing so as the table
     * grows until autovacuum next analyzes it (one run in three of the sessions workload answered 1,000 instead of
     * 9,000 requests a second). SQLite plans every statement the same way whatever its size.
     */
    void planForItsParameters(PreparedStatement statement) throws SQLException {
        if (this == POSTGRESQL) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }

    /** A column definition: a primary key the database assigns on insert, larger than any assigned before. */
    String increasingKey() {
        return increasingKey;
    }
}
