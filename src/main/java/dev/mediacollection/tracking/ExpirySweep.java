package dev.mediacollection.tracking;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Housekeeping on a schedule. Expiry closes sessions that timed out even when no request comes for them, so that
 * what is stored tells the truth without traffic (events that arrive for such a session before a sweep are refused
 * all the same: the store checks the timeouts on every event). Retention deletes sessions closed longer ago than
 * {@code mc.store.retention}, so that the store does not grow without bound.
 */
@ApplicationScoped
public class ExpirySweep {

    private final TrackingService tracking;
    private final TrackingObserver observer;

    public ExpirySweep(TrackingService tracking, TrackingObserver observer) {
        this.tracking = tracking;
        this.observer = observer;
    }

    /**
     * On a worker thread, which waits for the whole run: {@code SKIP} only keeps a run from starting while the method
     * of the previous one has not returned, and retention after a long outage can take longer than the interval.
     */
    @Scheduled(every = "${mc.store.retention-interval}", delayed = "1M",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retention() {
        tracking.deleteExpiredHistory()
                .thenAccept(deleted -> {
                    if (deleted > 0) {
                        Log.infof("Retention deleted %d closed sessions", deleted);
                    }
                })
                .exceptionally(failure -> {
                    Log.errorf(failure, "Retention failed; it runs again at the next interval");
                    return null;
                })
                .toCompletableFuture().join();
    }

    /**
     * On a worker thread, which waits for the whole sweep, as retention does: sweeps that overlapped after an outage
     * (one started every interval while the first still went through hundreds of thousands of sessions) read the
     * same sessions and queued their chunks together, so each group commit carried several and players' writes waited
     * behind all of them.
     */
    @Scheduled(every = "${mc.sessions.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSweep() {
        sweep().toCompletableFuture().join();
    }

    /**
     * Expires what timed out, then counts what is still open (the open-sessions gauge follows the sweeps).
     *
     * @return completes once the sweep is over and observed; a failure is logged and observed, never passed on
     */
    public CompletionStage<Void> sweep() {
        long started = System.nanoTime();
        return tracking.expireSessions()
                .whenComplete((expired, failure) -> observer.swept(System.nanoTime() - started, failure == null))
                .thenCompose(expired -> {
                    if (expired > 0) {
                        Log.debugf("Expired %d sessions", expired);
                    }
                    return tracking.countOpenSessions();
                })
                .thenAccept(observer::openSessions)
                .exceptionally(failure -> {
                    Log.errorf(failure, "The expiry sweep failed; it runs again at the next interval");
                    return null;
                });
    }
}
