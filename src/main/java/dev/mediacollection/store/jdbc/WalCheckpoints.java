package dev.mediacollection.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.quarkus.logging.Log;

/**
 * Copies the embedded store's write-ahead log into the database file on a thread of its own, so that the writer
 * seldom has to. SQLite checkpoints inside the commit that takes the log past its threshold
 * ({@link JdbcStores#WAL_PAGES_BEFORE_CHECKPOINT}): with the players' writes of that group waiting, it copied 10,000
 * pages and fsync'd the database file, 35 to 60 ms every second or so while an expiry sweep rewrote sessions. A
 * passive checkpoint here runs beside the writer, which keeps appending to the log meanwhile; the writer's own
 * checkpoint then copies only what was written since this one's last pass, and, done by the writer, lets the log
 * start over from its beginning (the passes here rarely find it all copied when they end, as the writer keeps
 * committing).
 */
final class WalCheckpoints {

    /**
     * How often the log is copied. The writer's checkpoint then has at most this much writing to copy and sync: in
     * 30 s of a 500,000-session expiry its fsyncs of the database file took 4.7 ms on average, against 35 ms with a
     * pass every 500 ms, and 40 to 60 ms without the passes.
     */
    static final Duration INTERVAL = Duration.ofMillis(100);

    private final DataSource database;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread checkpointer = new Thread(runnable, "sqlite-checkpointer");
        checkpointer.setDaemon(true);
        return checkpointer;
    });
    /** Used on the checkpointer's thread only; opened at its first pass and again after a failed one. */
    private Connection connection;
    /** Whether the last pass failed; on the checkpointer's thread only. */
    private boolean failing;

    private WalCheckpoints(DataSource database) {
        this.database = database;
    }

    /** Checkpoints {@code database} every {@code interval} until closed. */
    static WalCheckpoints every(Duration interval, DataSource database) {
        WalCheckpoints checkpoints = new WalCheckpoints(database);
        checkpoints.thread.scheduleWithFixedDelay(checkpoints::checkpoint, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return checkpoints;
    }

    /**
     * One pass; after a failure the next pass opens a new connection. The first failure of a run of them is logged as
     * a warning, the others only at debug level (a pass comes every 100 ms), and the pass that works again says so.
     */
    void checkpoint() {
        try {
            if (connection == null) {
                connection = database.getConnection();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
            }
            if (failing) {
                failing = false;
                Log.info("Checkpointing the embedded store's log works again");
            }
        } catch (SQLException | RuntimeException e) {
            // Caught whatever it is: a task of a scheduled executor that throws is never run again.
            if (failing) {
                Log.debugf(e, "Checkpointing the embedded store's log failed again");
            } else {
                Log.warnf(e, "Checkpointing the embedded store's log failed; the writer checkpoints it meanwhile");
            }
            failing = true;
            closeConnection();
        }
    }

    /** Stops the passes, waiting for one under way, and closes the connection. */
    void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                Log.debugf(e, "Closing the checkpointer's connection failed");
            }
            connection = null;
        }
    }
}
