package dev.mediacollection.tracking;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Closes sessions that timed out even when no request comes for them, so that what is stored tells the truth
 * without traffic. Events that arrive for such a session before a sweep are refused all the same: the store checks
 * the timeouts on every event.
 */
@ApplicationScoped
public class ExpirySweep {

    private final TrackingService tracking;

    public ExpirySweep(TrackingService tracking) {
        this.tracking = tracking;
    }

    @Scheduled(every = "${mc.sessions.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        tracking.expireSessions()
                .thenAccept(expired -> {
                    if (expired > 0) {
                        Log.debugf("Expired %d sessions", expired);
                    }
                })
                .exceptionally(failure -> {
                    Log.errorf(failure, "The expiry sweep failed; it runs again at the next interval");
                    return null;
                });
    }
}
