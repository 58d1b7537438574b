package dev.mediacollection.tracking;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.mediacollection.config.CollectorConfig;
import dev.mediacollection.metrics.MetricsCalculator;
import dev.mediacollection.session.StoredEvent;
import dev.mediacollection.session.StoredSession;
import dev.mediacollection.store.SessionStore;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Stores the final metrics of sessions that stopped taking events, for reports to add up in the database: in the
 * background, a batch at a time, through the store's writers like any write; never on a request's way, nor inside
 * the write that closed the session (an expiry sweep closes thousands at once, on the embedded store's one writer).
 * Until a session is finalised, reports compute it when read, so they never wait for this. A run works at most a
 * fifth of {@code mc.reports.finalise-interval}, so that the sessions one expiry sweep closes by the thousand are
 * finalised over several runs instead of taking the writer and a CPU from the players; and a run gives way while the
 * process keeps its CPUs busy, a minute at most.
 */
@ApplicationScoped
public class MetricsFinaliser {

    /**
     * Metrics writes a run has waiting at once. All of a batch at once filled whole group commits with them: catching
     * up on sessions an expiry closed by the thousand, a player's write waited behind groups of 45 to 70 of them.
     */
    static final int WRITES_IN_FLIGHT = 8;

    private final SessionStore store;
    private final Clock clock;
    private final int batch;
    private final Duration lateEvents;
    private final long runNanos;
    private final GiveWay giveWay = GiveWay.toBusyCpu();

    @Inject
    public MetricsFinaliser(SessionStore store, Clock clock, CollectorConfig config) {
        this(store, clock, config.reports().finaliseBatch(), config.sessions().lateEventWindow(),
                GiveWay.runTime(config.reports().finaliseInterval()));
    }

    /**
     * @param lateEvents how long after its {@code sessionEnd} a session still keeps an event sent before it
     * @param run        how long a run works at most (it always finishes the batch it started)
     */
    MetricsFinaliser(SessionStore store, Clock clock, int batch, Duration lateEvents, Duration run) {
        this.store = store;
        this.clock = clock;
        this.batch = batch;
        this.lateEvents = lateEvents;
        this.runNanos = run.toNanos();
    }

    /**
     * On a worker thread: the metrics are computed here, off the event loops and the store's threads; not while the
     * players keep the CPUs busy, within {@value GiveWay#MOST_RUNS_GIVING_WAY} runs in a row ({@link GiveWay}).
     */
    @Scheduled(every = "${mc.reports.finalise-interval}", delayed = "${mc.reports.finalise-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (giveWay.now()) {
            return;
        }
        try {
            int stored = finalise();
            if (stored > 0) {
                Log.debugf("Stored the metrics of %d closed sessions", stored);
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "Storing closed sessions' metrics failed; the finaliser tries again at the next interval");
        }
    }

    /**
     * Stores the metrics of closed sessions that have none and take no more events: closed at least the late-event
     * window ago ({@code mc.sessions.late-event-window}), batch after batch until none is left or the run has worked
     * its time, and waits for them to be committed. A late event that still arrives (another instance's clock may run
     * ahead) drops the stored metrics, and the session is finalised again.
     *
     * @return how many sessions' metrics were stored
     */
    public int finalise() {
        long started = System.nanoTime();
        int stored = 0;
        while (true) {
            List<StoredSession> sessions = store.awaitingMetrics(clock.instant().minus(lateEvents), batch)
                    .toCompletableFuture().join();
            int storedNow = finalise(sessions);
            stored += storedNow;
            // A short batch was the last; one where nothing could be stored would only come back the same.
            if (sessions.size() < batch || storedNow == 0 || System.nanoTime() - started >= runNanos) {
                return stored;
            }
        }
    }

    /**
     * Each session's metrics from exactly the events read, stored only if the session still has just those; at most
     * {@link #WRITES_IN_FLIGHT} writes waiting at a time.
     */
    private int finalise(List<StoredSession> sessions) {
        List<CompletableFuture<List<StoredEvent>>> reads = sessions.stream()
                .map(stored -> store.events(stored.session().id()).toCompletableFuture())
                .toList();
        Deque<CompletableFuture<Boolean>> writes = new ArrayDeque<>();
        int stored = 0;
        for (int i = 0; i < sessions.size(); i++) {
            if (writes.size() == WRITES_IN_FLIGHT) {
                stored += writes.removeFirst().join() ? 1 : 0;
            }
            StoredSession session = sessions.get(i);
            List<StoredEvent> events = reads.get(i).join();
            writes.addLast(store.storeMetrics(session.session().id(), events.size(),
                    MetricsCalculator.of(session.session(), events)).toCompletableFuture());
        }
        while (!writes.isEmpty()) {
            stored += writes.removeFirst().join() ? 1 : 0;
        }
        return stored;
    }
}
