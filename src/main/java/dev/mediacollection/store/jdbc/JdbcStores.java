package dev.mediacollection.store.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.store.StoreObserver;

/** Opens the SQL stores: migrates the schema, then starts the writers. */
public final class JdbcStores {

    /** The database file of the embedded store, inside the data directory. */
    public static final String EMBEDDED_FILE = "sessions.db";

    /**
     * WAL pages the writer lets accumulate before it checkpoints, in the commit that crossed them (SQLite's default:
     * 1,000). Events land on pages all over the indexes, and a page written many times between two checkpoints is
     * copied once: at 10,000 pages (about 40 MB of WAL) the writer checkpoints ten times less often and spends about a
     * tenth less CPU per event (docs/performance.md). {@link WalCheckpoints} copies most of the log beside the writer
     * meanwhile; the writer's checkpoint copies the rest, and lets the log start over from its beginning.
     */
    static final int WAL_PAGES_BEFORE_CHECKPOINT = 10_000;

    private JdbcStores() {
    }

    /**
     * The embedded store: a SQLite database in {@code dataDir}, in WAL mode with {@code synchronous=FULL}, so that
     * every commit is written ahead and fsync'd before it is acknowledged. One writer connection; readers never
     * block it, and the log is copied into the database file beside it ({@link WalCheckpoints}).
     */
    public static JdbcSessionStore embedded(Path dataDir, SessionTimeouts timeouts, GroupCommitSettings settings,
            int readThreads, StoreObserver observer) {
        return embedded(dataDir, timeouts, settings, readThreads, observer, Set.of());
    }

    /**
     * The embedded store, keeping an outbox entry for each of {@code destinations} with every write that announces
     * something (see {@link dev.mediacollection.store.Outbox}).
     */
    public static JdbcSessionStore embedded(Path dataDir, SessionTimeouts timeouts, GroupCommitSettings settings,
            int readThreads, StoreObserver observer, Set<String> destinations) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
        String url = "jdbc:sqlite:" + dataDir.resolve(EMBEDDED_FILE).toAbsolutePath();
        SQLiteDataSource writer = sqlite(url, false);
        migrate(writer, SqlDialect.SQLITE);
        GroupCommit writes = new GroupCommit("sqlite", () -> forWriting(writer.getConnection()),
                new GroupCommitSettings(1, settings.maxBatch(), settings.maxDelay(), settings.queueCapacity()), observer);
        return new JdbcSessionStore(writes, sqlite(url, true), SqlDialect.SQLITE, timeouts, readThreads,
                destinations, WalCheckpoints.every(WalCheckpoints.INTERVAL, sqlite(url, false))::close);
    }

    /** The PostgreSQL store, shared by any number of instances. */
    public static JdbcSessionStore postgresql(DataSource dataSource, SessionTimeouts timeouts,
            GroupCommitSettings settings, int readThreads, StoreObserver observer) {
        return postgresql(dataSource, timeouts, settings, readThreads, observer, Set.of());
    }

    /** The PostgreSQL store, keeping an outbox entry for each of {@code destinations} (see the embedded store). */
    public static JdbcSessionStore postgresql(DataSource dataSource, SessionTimeouts timeouts,
            GroupCommitSettings settings, int readThreads, StoreObserver observer, Set<String> destinations) {
        migrate(dataSource, SqlDialect.POSTGRESQL);
        GroupCommit writes = new GroupCommit("postgresql", () -> forWriting(dataSource.getConnection()), settings,
                observer);
        // PostgreSQL checkpoints in its own processes.
        return new JdbcSessionStore(writes, dataSource, SqlDialect.POSTGRESQL, timeouts, readThreads, destinations,
                () -> { });
    }

    /**
     * The same migrations, db/migration and Java, for both databases; Flyway's history table makes them run once.
     * The few column types the two spell differently are placeholders in the scripts.
     */
    static void migrate(DataSource dataSource, SqlDialect dialect) {
        Flyway.configure()
                .dataSource(dataSource)
                .placeholders(Map.of("outbox_position", dialect.increasingKey()))
                // Listed, not scanned (see Migrations): the scripts by name, the Java migrations as instances.
                .resourceProvider(new Migrations())
                .javaMigrationClassProvider(List::of)
                .javaMigrations(Migrations.javaMigrations(dialect))
                .load()
                .migrate();
    }

    static SQLiteDataSource sqlite(String url, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        // Nothing reads generated keys; left on, the driver runs SELECT last_insert_rowid() after every insert.
        config.setGetGeneratedKeys(false);
        config.setReadOnly(readOnly);
        if (!readOnly) {
            config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, String.valueOf(WAL_PAGES_BEFORE_CHECKPOINT));
        }
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        return dataSource;
    }

    private static Connection forWriting(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        return connection;
    }
}
