package dev.mediacollection.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A connection with its prepared statements, each prepared once and reused: parsing SQL is a good part of what a
 * small write costs. Statements belong to this object; callers close only their result sets.
 */
final class Statements implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    Statements(Connection connection) {
        this.connection = connection;
    }

    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        } else {
            statement.clearParameters();
        }
        return statement;
    }

    Connection connection() {
        return connection;
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
