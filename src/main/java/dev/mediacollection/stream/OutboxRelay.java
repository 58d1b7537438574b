package dev.mediacollection.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import dev.mediacollection.store.Outbox;
import dev.mediacollection.store.OutboxBacklog;
import dev.mediacollection.store.OutboxEntry;
import io.quarkus.logging.Log;

/**
 * Relays one destination's outbox entries: in rounds, it takes the oldest entries (position order), delivers them,
 * and removes exactly those the destination acknowledged. Never "everything up to a position": on PostgreSQL an
 * entry can commit after a later one was relayed, and it must still be relayed. A crash between delivery and removal
 * delivers those entries again: at least once.
 *
 * <p>Only the holder of the destination's lease in the store relays, so that instances sharing a database do not
 * relay the same entries twice. While the destination or the store fails, rounds back off, doubling the wait up to
 * the maximum; players never wait for any of it, since the store is the buffer.
 */
public final class OutboxRelay implements AutoCloseable {

    /** How often the backlog is measured, at most (a count over the outbox). */
    static final Duration BACKLOG_INTERVAL = Duration.ofSeconds(1);
    /** How often an instance that does not hold the lease tries to take it (a write to the database each time). */
    static final Duration LEASE_RETRY = Duration.ofSeconds(1);

    /** What a round did. */
    public enum Round {
        /** Another instance holds the lease. */
        NOT_RELAYING,
        /** Nothing was waiting. */
        CAUGHT_UP,
        /** Fewer entries than a batch were waiting, and all were relayed. */
        PARTIAL_BATCH,
        /** A full batch was relayed: more may be waiting. */
        FULL_BATCH
    }

    private final Outbox outbox;
    private final Destination destination;
    private final RelaySettings settings;
    private final Clock clock;
    private final RelayObserver observer;
    private final String owner;
    private final Object wakeUp = new Object();

    private Instant leaseUntil = Instant.EPOCH;
    private Instant nextLeaseAttempt = Instant.EPOCH;
    private Instant nextBacklog = Instant.EPOCH;
    private int failures;
    private Thread thread;
    private boolean closed;
    private volatile boolean closing;
    private volatile RelayStatus status;

    /**
     * @param owner who relays, unique among the instances sharing the store: the lease is held in its name
     */
    public OutboxRelay(Outbox outbox, Destination destination, RelaySettings settings, Clock clock,
            RelayObserver observer, String owner) {
        this.outbox = outbox;
        this.destination = destination;
        this.settings = settings;
        this.clock = clock;
        this.observer = observer;
        this.owner = owner;
        this.status = new RelayStatus(destination.name(), false, 0, Duration.ZERO, 0, Optional.empty());
    }

    /** Relays on a thread of its own until closed. */
    public synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::run, "outbox-relay-" + destination.name());
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * One round: hold the lease, take a batch, deliver it, remove what was delivered.
     *
     * @throws RelayFailure when the store or the destination failed part or all of it (what was delivered is
     *                      removed all the same)
     */
    public Round relayOnce() throws InterruptedException {
        Instant now = clock.instant();
        if (!holdLease(now)) {
            return Round.NOT_RELAYING;
        }
        List<OutboxEntry> entries = await(outbox.pending(destination.name(), settings.batchSize()));
        if (entries.isEmpty()) {
            return Round.CAUGHT_UP;
        }
        Destination.Delivery delivery = destination.deliver(entries);
        await(outbox.remove(destination.name(), delivery.delivered()));
        if (!delivery.delivered().isEmpty()) {
            observer.relayed(destination.name(), delivery.delivered().size());
        }
        if (delivery.failure().isPresent()) {
            throw new RelayFailure(delivery.delivered().size() + " of " + entries.size() + " entries delivered to "
                    + destination.name(), delivery.failure().get(), !delivery.delivered().isEmpty());
        }
        return entries.size() < settings.batchSize() ? Round.PARTIAL_BATCH : Round.FULL_BATCH;
    }

    /**
     * The lease is renewed once half of it has gone, and sought at most once per {@link #LEASE_RETRY} while another
     * instance holds it: a write every few seconds, not one per round.
     */
    private boolean holdLease(Instant now) throws InterruptedException {
        if (now.isBefore(leaseUntil.minus(settings.lease().dividedBy(2)))) {
            return true;
        }
        if (!now.isBefore(leaseUntil) && now.isBefore(nextLeaseAttempt)) {
            return false;
        }
        Instant until = now.plus(settings.lease());
        boolean held = await(outbox.lease(destination.name(), owner, now, until));
        if (held && !now.isBefore(leaseUntil)) {
            Log.infof("Relaying the outbox to %s (as %s)", destination.name(), owner);
        }
        leaseUntil = held ? until : Instant.EPOCH;
        nextLeaseAttempt = now.plus(LEASE_RETRY);
        return held;
    }

    /**
     * Measures what waits for the destination, at most once per {@link #BACKLOG_INTERVAL}, and tells the observer;
     * every instance measures, whether it relays or not.
     */
    public void measureBacklog() throws InterruptedException {
        Instant now = clock.instant();
        if (now.isBefore(nextBacklog)) {
            return;
        }
        nextBacklog = now.plus(BACKLOG_INTERVAL);
        OutboxBacklog backlog = await(outbox.backlog(destination.name()));
        Duration oldestAge = backlog.oldestAt().map(oldest -> Duration.between(oldest, now))
                .filter(age -> !age.isNegative()).orElse(Duration.ZERO);
        observer.backlog(destination.name(), backlog.pending(), oldestAge);
        RelayStatus last = status;
        status = new RelayStatus(last.destination(), last.relaying(), backlog.pending(), oldestAge,
                last.failuresInARow(), last.lastFailure());
    }

    public RelayStatus status() {
        return status;
    }

    /** The wait before the next attempt after {@code failures} failed rounds in a row: doubling, up to the maximum. */
    static Duration backoff(int failures, Duration first, Duration max) {
        Duration wait = first;
        for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private void run() {
        while (!closing) {
            Duration wait;
            try {
                Round round = relayOnce();
                if (failures > 0) {
                    Log.infof("Relaying to %s again after %d failed attempts", destination.name(), failures);
                }
                failures = 0;
                wait = round == Round.FULL_BATCH ? Duration.ZERO : settings.pollInterval();
                updateStatus(Optional.empty());
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                failures++;
                observer.relayFailed(destination.name());
                // A round that delivered part of its batch shows the destination is there: what it refused (a
                // record too large, say) holds back its session, and the others go on at the usual pace.
                wait = e instanceof RelayFailure failure && failure.madeProgress() ? settings.pollInterval()
                        : backoff(failures, settings.pollInterval(), settings.maxBackoff());
                String reason = reason(e);
                updateStatus(Optional.of(reason));
                if (failures == 1) {
                    Log.warnf(e, "Relaying to %s failed; nothing is lost, retrying in %d ms", destination.name(),
                            wait.toMillis());
                } else if (Integer.bitCount(failures) == 1) { // 2, 4, 8, …: a log line per doubling, not per round
                    Log.warnf("Relaying to %s failed %d times in a row (%s); retrying in %d ms", destination.name(),
                            failures, reason, wait.toMillis());
                }
            }
            try {
                measureBacklog();
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                Log.debugf(e, "Measuring the outbox backlog of %s failed", destination.name());
            }
            pause(wait);
        }
    }

    private void updateStatus(Optional<String> failure) {
        RelayStatus last = status;
        status = new RelayStatus(last.destination(), clock.instant().isBefore(leaseUntil), last.pending(),
                last.oldestAge(), failures, failure);
    }

    private void pause(Duration wait) {
        if (wait.isZero()) {
            return;
        }
        synchronized (wakeUp) {
            if (!closing) {
                try {
                    wakeUp.wait(Math.max(1, wait.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closing = true;
                }
            }
        }
    }

    /** Stops after the round under way, gives the lease up for another instance, and closes the destination. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            closing = true;
            running = thread;
        }
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        if (running != null) {
            try {
                running.join(Duration.ofSeconds(10).toMillis());
                if (running.isAlive()) {
                    running.interrupt();
                    running.join(Duration.ofSeconds(5).toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (clock.instant().isBefore(leaseUntil)) {
                outbox.release(destination.name(), owner).toCompletableFuture().join();
            }
        } catch (RuntimeException e) {
            Log.debugf(e, "Giving up the %s lease failed; it runs out by itself", destination.name());
        } finally {
            destination.close();
        }
    }

    private static <T> T await(CompletionStage<T> stage) throws InterruptedException {
        try {
            return stage.toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw new RelayFailure("The store failed", e.getCause());
        }
    }

    /** The round's own message with the first cause that is not a wrapper: what an operator needs to know. */
    private static String reason(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CompletionException || cause instanceof ExecutionException) {
                continue;
            }
            reason.append(reason.length() == 0 ? "" : ": ")
                    .append(cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName());
            if (!(cause instanceof RelayFailure)) {
                break;
            }
        }
        return reason.toString();
    }

    /** A round that did not deliver everything it took. */
    public static final class RelayFailure extends RuntimeException {

        private final boolean madeProgress;

        RelayFailure(String message, Throwable cause) {
            this(message, cause, false);
        }

        RelayFailure(String message, Throwable cause, boolean madeProgress) {
            super(message, cause);
            this.madeProgress = madeProgress;
        }

        /** Whether part of the round was delivered all the same. */
        public boolean madeProgress() {
            return madeProgress;
        }
    }
}
