package dev.mediacollection.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import dev.mediacollection.store.StoreObserver;
import dev.mediacollection.store.StoreUnavailableException;
import io.quarkus.logging.Log;

/**
 * Commits writes in groups: writers take whatever writes are waiting (up to a batch size, lingering a moment for
 * more), apply them in one transaction, commit once, and only then complete each write's future. One commit (and
 * one fsync) per group instead of per request is what makes durable acknowledgements cheap.
 *
 * <p>Work may defer its rows ({@link Statements#defer}): they are sent once the whole group has run, just before the
 * commit. Work reports refusals (an unknown session, a taken id) as values, so it only throws when the database fails.
 * A write that fails takes its group down with it only once: the group is rolled back and its writes retried one
 * transaction each, so one bad write never fails another.
 */
final class GroupCommit implements AutoCloseable {

    /** A unit of work that runs inside the group's transaction. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Statements statements) throws SQLException;
    }

    /** Opens connections for the writers, already set up for writing (auto-commit off). */
    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final BlockingQueue<Write<?>> queue;
    private final GroupCommitSettings settings;
    private final ConnectionSource connections;
    private final StoreObserver observer;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closing;

    GroupCommit(String name, ConnectionSource connections, GroupCommitSettings settings, StoreObserver observer) {
        this.connections = connections;
        this.settings = settings;
        this.observer = observer;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        for (int i = 0; i < settings.writers(); i++) {
            Thread writer = new Thread(this::writeLoop, name + "-writer-" + i);
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
    }

    /**
     * Queues a write. The returned stage completes once the write is committed, or fails with
     * {@link StoreUnavailableException} if the queue is full, the store is closing, or the database refused it.
     */
    <T> CompletionStage<T> submit(Work<T> work) {
        return submit(null, work);
    }

    /**
     * Queues a write that locks what {@code lockKey} names. Within a group, writes run in key order (arrival order
     * among equal keys), so that concurrent groups take their locks in one order and never deadlock.
     */
    <T> CompletionStage<T> submit(String lockKey, Work<T> work) {
        Write<T> write = new Write<>(lockKey, work);
        if (closing || !queue.offer(write)) {
            write.result.completeExceptionally(new StoreUnavailableException(
                    closing ? "The store is shutting down" : "The store's write queue is full"));
        } else if (closing && queue.remove(write)) {
            // Closed between the check and the offer: close() may have drained the queue already, so nobody else
            // would ever answer this write. Whoever removes it answers it: a writer, close(), or this.
            write.result.completeExceptionally(new StoreUnavailableException("The store is shutting down"));
        }
        return write.result;
    }

    private void writeLoop() {
        Statements connection = null;
        List<Write<?>> group = new ArrayList<>(settings.maxBatch());
        while (!(closing && queue.isEmpty())) {
            try {
                if (!collect(group)) {
                    continue;
                }
                if (connection == null) {
                    connection = new Statements(connections.open());
                }
                group.sort(LOCK_ORDER);
                long start = System.nanoTime();
                commit(connection, group);
                // Observed before the writes are answered: whoever an answer wakes finds the group counted.
                try {
                    observer.committed(group.size(), System.nanoTime() - start);
                } finally {
                    group.forEach(Write::complete);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (SQLException | RuntimeException e) {
                // Closing the connection rolls back whatever the group had done.
                Log.errorf(e, "The store cannot write; %d writes refused", group.size());
                observer.commitFailed(group.size());
                group.forEach(write -> write.fail(e));
                Statements.closeQuietly(connection);
                connection = null;
            } finally {
                group.clear();
            }
        }
        Statements.closeQuietly(connection);
    }

    /** Waits for a first write, then takes what else is waiting, lingering up to the maximum delay for more. */
    private boolean collect(List<Write<?>> group) throws InterruptedException {
        Write<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        group.add(first);
        queue.drainTo(group, settings.maxBatch() - 1);
        long deadline = System.nanoTime() + settings.maxDelay().toNanos();
        while (group.size() < settings.maxBatch()) {
            long left = deadline - System.nanoTime();
            Write<?> next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                break;
            }
            group.add(next);
            queue.drainTo(group, settings.maxBatch() - group.size());
        }
        return true;
    }

    private static void commit(Statements statements, List<Write<?>> group) throws SQLException {
        Connection connection = statements.connection();
        try {
            statements.startGroup(group.stream().map(write -> write.lockKey).filter(Objects::nonNull).toList(),
                    group.size() == 1);
            for (Write<?> write : group) {
                write.apply(statements);
            }
            statements.flush();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            if (group.size() == 1) {
                throw e;
            }
            // Find the culprit: each write alone, so that only it fails.
            Log.debugf(e, "A group of %d writes failed; each is retried alone", group.size());
            for (Write<?> write : group) {
                write.discard();
                try {
                    statements.startGroup(write.lockKey == null ? List.of() : List.of(write.lockKey), true);
                    write.apply(statements);
                    statements.flush();
                    connection.commit();
                } catch (SQLException alone) {
                    connection.rollback();
                    write.fail(alone);
                }
            }
        }
    }

    /** Stops taking writes, commits every write already queued, then stops the writers. */
    @Override
    public void close() {
        closing = true;
        for (Thread writer : writers) {
            try {
                writer.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Write<?> left;
        while ((left = queue.poll()) != null) {
            left.fail(new SQLException("The store closed before this write was committed"));
        }
    }


    private static final Comparator<Write<?>> LOCK_ORDER = Comparator.comparing(write -> write.lockKey,
            Comparator.nullsFirst(Comparator.naturalOrder()));

    /** A queued write, its value once applied, and its caller's future. */
    private static final class Write<T> {

        private final String lockKey;
        private final Work<T> work;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final CallerContext caller = CallerContext.current();
        private T value;
        private boolean applied;

        Write(String lockKey, Work<T> work) {
            this.lockKey = lockKey;
            this.work = work;
        }

        void apply(Statements statements) throws SQLException {
            value = work.apply(statements);
            applied = true;
        }

        void discard() {
            value = null;
            applied = false;
        }

        void complete() {
            if (applied) {
                caller.complete(result, value);
            }
        }

        void fail(Exception cause) {
            caller.fail(result, cause instanceof StoreUnavailableException unavailable
                    ? unavailable
                    : new StoreUnavailableException("The store could not keep the write", cause));
        }
    }
}
