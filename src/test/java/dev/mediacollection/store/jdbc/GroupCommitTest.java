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

import dev.mediacollection.store.StoreUnavailableException;
import dev.mediacollection.support.GroupSizes;

/**
 * Group commit on a real (in-memory) SQLite database, with one writer. Which writes shared a commit is what the
 * store's observer hears: the size of each group committed or refused.
 */
class GroupCommitTest {

    /** Long enough that a group closes because it is full, never because its time ran out. */
    static final Duration LINGER_UNTIL_FULL = Duration.ofSeconds(10);

    Connection database;
    final AtomicBoolean databaseReachable = new AtomicBoolean(true);
    final GroupSizes groups = new GroupSizes();

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
        }, new GroupCommitSettings(1, maxBatch, maxDelay, 10_000), groups);
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
        assertThat(groups.committed()).allSatisfy(size -> assertThat(size).isBetween(1, 64));
        assertThat(groups.committed().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1_000);
        assertThat(groups.refused()).isEmpty();
    }

    @Test
    void writesWaitingTogetherShareOneCommitUpToTheBatchSize() throws SQLException {
        try (GroupCommit commits = groupCommit(64, LINGER_UNTIL_FULL)) {
            List<CompletableFuture<Integer>> results = IntStream.range(0, 192)
                    .mapToObj(id -> commits.submit(insert(id)).toCompletableFuture()).toList();

            results.forEach(CompletableFuture::join);
        }
        assertThat(groups.committed()).containsExactly(64, 64, 64);
        assertThat(count()).isEqualTo(192);
    }

    @Test
    void aFailingWriteFailsAloneAndItsGroupIsStillCommitted() throws SQLException {
        try (GroupCommit commits = groupCommit(3, LINGER_UNTIL_FULL)) {
            CompletableFuture<Integer> first = commits.submit(insert(1)).toCompletableFuture();
            CompletableFuture<Integer> duplicate = commits.submit(insert(1)).toCompletableFuture();
            CompletableFuture<Integer> third = commits.submit(insert(3)).toCompletableFuture();

            assertThat(first.join()).isEqualTo(1);
            assertThat(third.join()).isEqualTo(1);
            assertThatThrownBy(duplicate::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(StoreUnavailableException.class);
        }
        assertThat(groups.committed()).as("one group of three, committed").containsExactly(3);
        assertThat(groups.refused()).isEmpty();
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
        assertThat(groups.refused()).containsExactly(1);
        assertThat(groups.committed()).containsExactly(1);
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
        assertThat(groups.committed()).allSatisfy(size -> assertThat(size).isBetween(1, 8));
        assertThat(groups.committed().stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
        assertThatThrownBy(() -> commits.submit(insert(500)).toCompletableFuture().join())
                .hasCauseInstanceOf(StoreUnavailableException.class).hasMessageContaining("shutting down");
    }
}
