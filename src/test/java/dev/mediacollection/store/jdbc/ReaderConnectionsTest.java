package dev.mediacollection.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's readers keep their SQLite connections between reads, and hold nothing open between them. */
class ReaderConnectionsTest {

    @TempDir
    Path dataDir;

    private Connection writer;
    private ReaderConnections readers;

    @BeforeEach
    void open() throws SQLException {
        String url = "jdbc:sqlite:" + dataDir.resolve(JdbcStores.EMBEDDED_FILE);
        writer = JdbcStores.sqlite(url, false).getConnection();
        try (Statement statement = writer.createStatement()) {
            statement.execute("CREATE TABLE numbers (n INTEGER NOT NULL)");
            statement.execute("INSERT INTO numbers VALUES (1), (2), (3)");
        }
        readers = new ReaderConnections(JdbcStores.sqlite(url, true), SqlDialect.SQLITE);
    }

    @AfterEach
    void close() throws SQLException {
        readers.close();
        writer.close();
    }

    @Test
    void aThreadReadsWithTheSameConnectionAndPreparedStatementsEveryTime() throws SQLException {
        PreparedStatement first = readers.read(statements -> statements.prepare("SELECT SUM(n) FROM numbers"));
        PreparedStatement second = readers.read(statements -> statements.prepare("SELECT SUM(n) FROM numbers"));

        assertThat(second).isSameAs(first);
        assertThat(first.isClosed()).isFalse();
    }

    @Test
    void aReadThatFailsLeavesItsConnectionBehindAndTheNextReadOpensAnother() throws SQLException {
        Connection before = readers.read(Statements::connection);

        assertThatThrownBy(() -> readers.read(statements -> statements.prepare("SELECT * FROM no_such_table")))
                .isInstanceOf(SQLException.class);

        assertThat(before.isClosed()).isTrue();
        assertThat(readers.read(ReaderConnectionsTest::sum)).isEqualTo(6);
    }

    @Test
    void betweenReadsAKeptConnectionHoldsNoSnapshotSoTheWriteAheadLogIsCheckpointedWhole() throws SQLException {
        assertThat(readers.read(ReaderConnectionsTest::sum)).isEqualTo(6);
        try (Statement statement = writer.createStatement()) {
            statement.execute("INSERT INTO numbers VALUES (4)");
            try (ResultSet checkpoint = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                checkpoint.next();
                assertThat(checkpoint.getInt(1)).as("busy: a reader still had a snapshot").isZero();
            }
        }
        assertThat(readers.read(ReaderConnectionsTest::sum)).as("the next read sees the write").isEqualTo(10);
    }

    @Test
    void closingTheReadersClosesTheKeptConnections() throws SQLException {
        Connection kept = readers.read(Statements::connection);

        readers.close();

        assertThat(kept.isClosed()).isTrue();
    }

    private static int sum(Statements statements) throws SQLException {
        try (ResultSet rows = statements.prepare("SELECT SUM(n) FROM numbers").executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
