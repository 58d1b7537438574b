package dev.mediacollection.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded store's log reaches the database file through the checkpointer's own passes, not only through the
 * writer's checkpoint at the log's threshold (which these few pages never reach).
 */
class WalCheckpointsTest {

    @TempDir
    Path dataDir;

    private String url;
    private Connection writer;

    @BeforeEach
    void writeAFewRows() throws SQLException {
        url = "jdbc:sqlite:" + dataDir.resolve(JdbcStores.EMBEDDED_FILE);
        writer = JdbcStores.sqlite(url, false).getConnection();
        try (Statement statement = writer.createStatement()) {
            statement.execute("CREATE TABLE numbers (n INTEGER NOT NULL)");
            statement.execute("INSERT INTO numbers VALUES (1), (2), (3)");
        }
    }

    @AfterEach
    void closeWriter() throws SQLException {
        writer.close();
    }

    @Test
    void aPassCopiesWhatWasCommittedIntoTheDatabaseFile() throws Exception {
        WalCheckpoints checkpoints = WalCheckpoints.every(Duration.ofDays(1), JdbcStores.sqlite(url, false));
        assertThat(numbersInTheDatabaseFile()).as("before the pass, in the log only").isZero();

        checkpoints.checkpoint();

        assertThat(numbersInTheDatabaseFile()).isEqualTo(3);
        checkpoints.close();
    }

    @Test
    void passesComeEveryInterval() {
        WalCheckpoints checkpoints = WalCheckpoints.every(Duration.ofMillis(10), JdbcStores.sqlite(url, false));

        await().atMost(Duration.ofSeconds(10)).until(() -> numbersInTheDatabaseFile() == 3);
        checkpoints.close();
    }

    @Test
    void aFailedPassLeavesItsConnectionAndTheNextOneOpensAnother() throws Exception {
        OpeningDataSource database = new OpeningDataSource(url, 0);
        WalCheckpoints checkpoints = WalCheckpoints.every(Duration.ofDays(1), database);
        checkpoints.checkpoint();
        database.opened.get(0).close(); // the pass after this one fails on it

        checkpoints.checkpoint();
        checkpoints.checkpoint();

        assertThat(database.opened.size()).isEqualTo(2);
        try (Statement statement = writer.createStatement()) {
            statement.execute("INSERT INTO numbers VALUES (4)");
        }
        checkpoints.checkpoint();
        assertThat(numbersInTheDatabaseFile()).isEqualTo(4);
        checkpoints.close();
    }

    @Test
    void aPassThatThrowsLeavesTheNextOnesScheduled() {
        WalCheckpoints checkpoints = WalCheckpoints.every(Duration.ofMillis(1), new OpeningDataSource(url, 1));

        await().atMost(Duration.ofSeconds(10)).until(() -> numbersInTheDatabaseFile() == 3);
        checkpoints.close();
    }

    @Test
    void closingStopsThePassesAndClosesTheConnection() throws Exception {
        OpeningDataSource database = new OpeningDataSource(url, 0);
        WalCheckpoints checkpoints = WalCheckpoints.every(Duration.ofMillis(1), database);
        await().atMost(Duration.ofSeconds(10)).until(() -> database.opened.size() == 1);

        checkpoints.close();

        assertThat(database.opened.get(0).isClosed()).isTrue();
        try (Statement statement = writer.createStatement()) {
            statement.execute("INSERT INTO numbers VALUES (4)");
        }
        assertThat(numbersInTheDatabaseFile()).as("no pass after close").isEqualTo(3);
    }

    /** The rows of {@code numbers} in a copy of the database file alone, without its log. */
    private long numbersInTheDatabaseFile() throws Exception {
        Path copy = Files.createTempDirectory(dataDir, "copy").resolve(JdbcStores.EMBEDDED_FILE);
        Files.copy(dataDir.resolve(JdbcStores.EMBEDDED_FILE), copy);
        try (Connection connection = JdbcStores.sqlite("jdbc:sqlite:" + copy, false).getConnection();
                Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery(
                        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'numbers'")) {
            tables.next();
            if (tables.getLong(1) == 0) {
                return 0;
            }
        }
        try (Connection connection = JdbcStores.sqlite("jdbc:sqlite:" + copy, false).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM numbers")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * The embedded store's settings, keeping the connections it opens; its first {@code refusals} attempts throw, as
     * a driver's unexpected failure would.
     */
    private static final class OpeningDataSource extends SQLiteDataSource {
        final List<Connection> opened = new CopyOnWriteArrayList<>();
        private final AtomicInteger refusals;

        OpeningDataSource(String url, int refusals) {
            super(JdbcStores.sqlite(url, false).getConfig());
            setUrl(url);
            this.refusals = new AtomicInteger(refusals);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (refusals.getAndDecrement() > 0) {
                throw new IllegalStateException("refused");
            }
            Connection connection = super.getConnection();
            opened.add(connection);
            return connection;
        }
    }
}
