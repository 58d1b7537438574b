package dev.mediacollection.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mediacollection.store.StoreObserver;
import dev.mediacollection.store.StoreUnavailableException;

/** Group commit on a real (in-memory) SQLite database. */
class GroupCommitTest {

    Connection database;
    final AtomicBoolean databaseReachable = new AtomicBoolean(true);

    @BeforeEach
    void createTable() throws SQLException {
        // A shared in-memory database lives as long as one connection to it is open.
        database = DriverManager.getConnection("jdbc:sqlite:file:group-commit?mode=memory&cache=shared");
        try (Statement statement = database.createStatement()) {
            statement.execute("CREATE TABLE items (id INTEGER PRIMARY KEY)");
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        database.close();
    }

    GroupCommit groupCommit(int maxBatch, Duration maxDelay) {
        return new GroupCommit("test", () -> {
            if (!databaseReachable.get()) {
                throw new SQLException("connection refused");
            }
            Connection connection = DriverManager.getConnection("jdbc:sqlite:file:group-commit?mode=memory&cache=shared");
            connection.setAutoCommit(false);
            return connection;
        }, new GroupCommitSettings(1, maxBatch, maxDelay, 10_000), StoreObserver.NONE);
    }

    static GroupCommit.Work<Integer> insert(int id) {
        return statements -> {
            var insert = statements.prepare("INSERT INTO items (id) VALUES (?)");
            insert.setInt(1, id);
            return insert.executeUpdate();
        };
    }

    int count() throws SQLException {
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT COUNT(*) FROM items")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void everyAcknowledgedWriteIsCommitted() throws SQLException {
        try (GroupCommit commits = groupCommit(64, Duration.ofMillis(2))) {
            List<CompletableFuture<Integer>> results = IntStream.range(0, 1_000).parallel()
                    .mapToObj(id -> commits.submit(insert(id)).toCompletableFuture()).toList();

            results.forEach(CompletableFuture::join);
        }
        assertThat(count()).isEqualTo(1_000);
    }

    @Test
    void aFailingWriteFailsAloneAndItsGroupIsStillCommitted() throws SQLException {
        try (GroupCommit commits = groupCommit(64, Duration.ofMillis(50))) {
            CompletableFuture<Integer> first = commits.submit(insert(1)).toCompletableFuture();
            CompletableFuture<Integer> duplicate = commits.submit(insert(1)).toCompletableFuture();
            CompletableFuture<Integer> third = commits.submit(insert(3)).toCompletableFuture();

            assertThat(first.join()).isEqualTo(1);
            assertThat(third.join()).isEqualTo(1);
            assertThatThrownBy(duplicate::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(StoreUnavailableException.class);
        }
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void anUnreachableDatabaseFailsWritesAndTheyRecoverWhenItIsBack() throws SQLException {
        try (GroupCommit commits = groupCommit(64, Duration.ZERO)) {
            databaseReachable.set(false);
            assertThatThrownBy(() -> commits.submit(insert(1)).toCompletableFuture().join())
                    .hasCauseInstanceOf(StoreUnavailableException.class)
                    .hasRootCauseMessage("connection refused");

            databaseReachable.set(true);
            assertThat(commits.submit(insert(2)).toCompletableFuture().join()).isEqualTo(1);
        }
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void closingCommitsWhatIsQueuedThenRefusesNewWrites() throws SQLException {
        GroupCommit commits = groupCommit(8, Duration.ofMillis(5));
        List<CompletableFuture<Integer>> queued = IntStream.range(0, 200)
                .mapToObj(id -> commits.submit(insert(id)).toCompletableFuture()).toList();

        commits.close();

        assertThat(queued).allSatisfy(result -> assertThat(result.join()).isEqualTo(1));
        assertThat(count()).isEqualTo(200);
        assertThatThrownBy(() -> commits.submit(insert(500)).toCompletableFuture().join())
                .hasCauseInstanceOf(StoreUnavailableException.class).hasMessageContaining("shutting down");
    }
}
