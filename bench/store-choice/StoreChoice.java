/*
 * Why SQLite, not H2, is the embedded durable store: group-committed inserts into a table shaped like `events`,
 * measured on this machine's disk.
 *
 *   java -cp <sqlite-jdbc jar>:<h2 jar> bench/store-choice/StoreChoice.java [dataDir]    (or: bench/store-choice/run)
 *   -Dseconds=5 -Drows=20000 -Dwarmup=1 change how long each (configuration, group size) runs.
 *
 * What the two projects document about durability at commit:
 * - SQLite (pragma.html, PRAGMA synchronous): in WAL mode with synchronous=FULL "an additional sync operation of the
 *   WAL file happens after each transaction commit", which helps "ensure that transactions are durable across a
 *   power loss"; with synchronous=NORMAL "no sync operations occur during most transactions", so a commit "might
 *   roll back following a power loss or system crash", though it survives an application crash and the database
 *   stays consistent either way.
 * - H2 (advanced.html, "Durability" and "Durability Problems"): "This database does not guarantee that all
 *   committed transactions survive a power failure"; "the default behavior of H2 is to delay writing committed
 *   transactions", and "after a power failure, a bit more than one second of committed transactions may be lost";
 *   to change that it points to SET WRITE_DELAY and CHECKPOINT SYNC.
 * - H2 2.4.240's own help (org/h2/res/help.csv in the jar): WRITE_DELAY is "the maximum delay between a commit and
 *   flushing the log", default 500 ms; CHECKPOINT SYNC "flushes the data to disk and forces all system buffers be
 *   written to the underlying device" (and needs admin rights). FILE_LOCK (NO, FILE, SOCKET, FS) only chooses how
 *   other processes are kept out of the file; it has nothing to do with syncing.
 * So configurations 1 and 4 are the only ones here whose commits survive a power loss once commit() returns.
 */

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

public class StoreChoice {

    static final int[] GROUP_SIZES = {1, 16, 128};
    static final double SECONDS = Double.parseDouble(System.getProperty("seconds", "5"));
    static final long MAX_ROWS = Long.getLong("rows", 20_000);
    static final double WARMUP_SECONDS = Double.parseDouble(System.getProperty("warmup", "1"));
    /** Rows are spread over this many sessions, as the service interleaves events of concurrent sessions. */
    static final int SESSIONS = 64;

    /** The events table of db/migration/V1, without its foreign key to sessions. H2 2.4 reads TEXT as VARCHAR. */
    static final String DDL = """
            CREATE TABLE events (
                session_id  CHAR(64)         NOT NULL,
                seq         BIGINT           NOT NULL,
                event_type  VARCHAR(32)      NOT NULL,
                playhead    DOUBLE PRECISION NOT NULL,
                ts          BIGINT           NOT NULL,
                received_at BIGINT           NOT NULL,
                body        TEXT             NOT NULL,
                PRIMARY KEY (session_id, seq)
            )""";
    static final String INSERT = "INSERT INTO events (session_id, seq, event_type, playhead, ts, received_at, body)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    /** A database setup: how to open it, and what (if anything) must follow each commit to make it durable. */
    record Config(String name, String url, List<String> setup, String afterCommit) {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Paths.get(args.length > 0 ? args[0] : "target/store-choice-data").toAbsolutePath();
        Files.createDirectories(dataDir);
        System.out.println(machine(dataDir));
        System.out.println();
        System.out.println("| configuration | group size | rows/s | commits/s | mean commit latency (ms) |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (int groupSize : GROUP_SIZES) {
            for (Config config : configs(dataDir.resolve("run"))) {
                // A fresh database for every run, so that no run inherits another's file size or WAL.
                deleteTree(dataDir.resolve("run"));
                Files.createDirectories(dataDir.resolve("run"));
                Result r = run(config, groupSize);
                System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.3f |%n",
                        config.name(), groupSize, r.rows / r.seconds, r.commits / r.seconds, r.commitMs / r.commits);
            }
        }
        deleteTree(dataDir.resolve("run"));
    }

    static List<Config> configs(Path dir) {
        String sqlite = "jdbc:sqlite:" + dir.resolve("events.db");
        String h2 = "jdbc:h2:file:" + dir.resolve("events"); // H2 adds .mv.db
        return List.of(
                // What the service uses (JdbcStores.embedded): the WAL is fsync'd before commit() returns.
                new Config("1. SQLite WAL, synchronous=FULL", sqlite,
                        List.of("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL"), null),
                // For comparison: the cost of that fsync. Survives a process crash, not a power loss.
                new Config("2. SQLite WAL, synchronous=NORMAL", sqlite,
                        List.of("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"), null),
                // H2 as it comes: commits are written behind (WRITE_DELAY 500 ms) and never fsync'd at commit.
                new Config("3. H2 2.4 file, defaults", h2, List.of(), null),
                // The only way H2 offers to put a commit on the device before going on.
                new Config("4. H2 2.4 file, CHECKPOINT SYNC per commit", h2, List.of(), "CHECKPOINT SYNC"));
    }

    record Result(long rows, long commits, double seconds, double commitMs) {
    }

    static Result run(Config config, int groupSize) throws SQLException {
        try (Connection c = DriverManager.getConnection(config.url(), "sa", "");
             Statement s = c.createStatement()) {
            for (String sql : config.setup()) {
                s.execute(sql); // before setAutoCommit(false): SQLite ignores these inside a transaction
            }
            s.execute(DDL);
            c.setAutoCommit(false);
            c.commit();
            try (PreparedStatement insert = c.prepareStatement(INSERT);
                 Statement after = c.createStatement()) {
                Workload w = new Workload(c, insert, after, config.afterCommit(), groupSize);
                w.runFor(WARMUP_SECONDS, Long.MAX_VALUE); // lets the JIT and the file's first allocations settle
                return w.runFor(SECONDS, MAX_ROWS);
            }
        }
    }

    /** Inserts groups of rows, one transaction per group, with the same statements throughout. */
    static final class Workload {
        final Connection c;
        final PreparedStatement insert;
        final Statement after;
        final String afterCommit;
        final int groupSize;
        final String[] sessionIds = new String[SESSIONS];
        long next; // global row counter; row i is (session i % SESSIONS, seq i / SESSIONS)

        Workload(Connection c, PreparedStatement insert, Statement after, String afterCommit, int groupSize) {
            this.c = c;
            this.insert = insert;
            this.after = after;
            this.afterCommit = afterCommit;
            this.groupSize = groupSize;
            for (int i = 0; i < SESSIONS; i++) {
                sessionIds[i] = String.format("%064x", 0x5e55_1000L + i);
            }
        }

        Result runFor(double seconds, long maxRows) throws SQLException {
            long start = System.nanoTime();
            long deadline = start + (long) (seconds * 1e9);
            long rows = 0, commits = 0, commitNanos = 0;
            while (rows < maxRows && System.nanoTime() < deadline) {
                for (int i = 0; i < groupSize; i++, next++) {
                    bind(next);
                    insert.executeUpdate();
                }
                long t = System.nanoTime();
                c.commit();
                if (afterCommit != null) {
                    after.execute(afterCommit); // part of the commit's cost: the row is not durable before it
                }
                commitNanos += System.nanoTime() - t;
                rows += groupSize;
                commits++;
            }
            return new Result(rows, commits, (System.nanoTime() - start) / 1e9, commitNanos / 1e6);
        }

        void bind(long i) throws SQLException {
            String session = sessionIds[(int) (i % SESSIONS)];
            long seq = i / SESSIONS;
            double playhead = seq * 10.0;
            long now = System.currentTimeMillis();
            insert.setString(1, session);
            insert.setLong(2, seq);
            insert.setString(3, "ping");
            insert.setDouble(4, playhead);
            insert.setLong(5, now);
            insert.setLong(6, now);
            // ~120 bytes of JSON, like a ping event's body
            insert.setString(7, String.format(Locale.ROOT,
                    "{\"eventType\":\"ping\",\"timestamp\":%d,\"playhead\":%.1f,\"params\":{\"seq\":%d,\"qoe\":\"ok\"}}",
                    now, playhead, seq));
        }
    }

    /** nproc, JVM, OS and the file system the data directory is on: what the numbers depend on. */
    static String machine(Path dataDir) throws IOException, InterruptedException {
        Process df = new ProcessBuilder("df", "-PT", dataDir.toString()).redirectErrorStream(true).start();
        List<String> lines = new String(df.getInputStream().readAllBytes()).lines().toList();
        df.waitFor();
        String[] fs = lines.get(lines.size() - 1).trim().split("\\s+"); // device, type, ..., mount point
        return String.format("machine: nproc=%d, java %s (%s %s), %s %s, data dir %s on %s (%s, mounted on %s)",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
                System.getProperty("os.name"), System.getProperty("os.version"),
                dataDir, fs[0], fs.length > 1 ? fs[1] : "?", fs[fs.length - 1]);
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
