package dev.mediacollection.ops;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import jakarta.inject.Singleton;

import dev.mediacollection.api.monitoring.ApiOperation;
import dev.mediacollection.api.monitoring.RequestObserver;
import dev.mediacollection.api.problem.ProblemType;
import dev.mediacollection.lint.SessionLinter;
import dev.mediacollection.session.CloseCause;
import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Finding;
import dev.mediacollection.store.StoreObserver;
import dev.mediacollection.stream.RelayObserver;
import dev.mediacollection.stream.upstream.UpstreamObserver;
import dev.mediacollection.tracking.TrackingObserver;
import dev.mediacollection.validation.Rule;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The service's own metrics, in Micrometer (scraped at {@code /q/metrics}); every one is listed in
 * docs/operations.md. The domain only knows the observer interfaces this implements.
 *
 * <p>Requests are on the hot path: each combination of labels gets its meter once, and a request then costs an
 * index computation, one map lookup and the timer's own update; no tags are built and no string is made per request.
 */
@Singleton
public class ServiceMetrics implements RequestObserver, TrackingObserver, StoreObserver, RelayObserver,
        UpstreamObserver {

    private static final int EVENT_TYPE_SLOTS = EventType.values().length + 1;
    private static final String NO_EVENT_TYPE = "none";
    private static final Duration[] COMMIT_BUCKETS = Stream.of(1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 10_000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final Map<Integer, Timer> requests = new ConcurrentHashMap<>();
    private final Counter[] rejections = new Counter[ProblemType.values().length + 1];
    private final Map<CloseCause, Counter> closed = new EnumMap<>(CloseCause.class);
    private final Map<String, Counter> findings = new ConcurrentHashMap<>();
    private final AtomicLong openSessions = new AtomicLong();
    private final Timer commits;
    private final DistributionSummary groupSizes;
    private final Counter failedCommits;
    private final Timer sweeps;
    private final Timer failedSweeps;
    /** Per outbox destination, made when its relay first reports (a destination only exists when configured). */
    private final Map<String, OutboxMeters> outboxes = new ConcurrentHashMap<>();
    /** Attempts at upstream requests by request and outcome, made at the first of each (only with a relay). */
    private final Map<Integer, Timer> upstreamRequests = new ConcurrentHashMap<>();

    ServiceMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Rejections are the client's errors (RejectionLog keeps no 5xx): those series start at zero.
        for (ProblemType type : ProblemType.values()) {
            if (type.status() < 500) {
                rejections[type.ordinal()] = rejectionCounter(type.slug());
            }
        }
        rejections[ProblemType.values().length] = rejectionCounter("about:blank");
        for (CloseCause cause : CloseCause.values()) {
            closed.put(cause, Counter.builder("mc.sessions.closed")
                    .description("Sessions that stopped taking events, by cause")
                    .tag("cause", cause.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
        // Rule ids are the service's own closed set: every rule a body or a session can break starts at zero.
        for (Rule rule : Rule.values()) {
            if (rule.ofBodies()) {
                findings.put(rule.id(), findingCounter(rule.id()));
            }
        }
        SessionLinter.ruleIds().forEach(rule -> findings.put(rule, findingCounter(rule)));
        Gauge.builder("mc.sessions.open", openSessions, AtomicLong::get)
                .description("Sessions that take events, in the whole store; refreshed after each expiry sweep")
                .register(registry);
        // A dozen fixed buckets from an fsync on a fast disk to a stuck database, rather than ~70 generated ones.
        commits = Timer.builder("mc.store.commit")
                .description("Time to apply and commit one group of writes")
                .serviceLevelObjectives(COMMIT_BUCKETS)
                .register(registry);
        groupSizes = DistributionSummary.builder("mc.store.commit.writes")
                .description("Writes committed together in one group")
                .register(registry);
        failedCommits = Counter.builder("mc.store.commit.failures")
                .description("Groups of writes the database refused")
                .register(registry);
        sweeps = sweepTimer("success");
        failedSweeps = sweepTimer("failure");
    }

    private Counter rejectionCounter(String type) {
        return Counter.builder("mc.rejections")
                .description("Players' requests refused with a problem, by problem type")
                .tag("type", type)
                .register(registry);
    }

    private Counter findingCounter(String rule) {
        return Counter.builder("mc.findings")
                .description("Findings kept with accepted requests (rules they broke that the profile did not"
                        + " refuse) and with sessions (mistakes in their events' order and pacing), by rule; each"
                        + " counted once, when first found")
                .tag("rule", rule)
                .register(registry);
    }

    private Timer sweepTimer(String outcome) {
        return Timer.builder("mc.expiry.sweep")
                .description("Expiry sweeps: closing timed-out sessions")
                .tag("outcome", outcome)
                .register(registry);
    }

    // --- requests (event loop, every request) -------------------------------------------------------------------

    @Override
    public void answered(ApiOperation operation, int status, EventType eventType, long nanos) {
        int eventSlot = eventType == null ? EVENT_TYPE_SLOTS - 1 : eventType.ordinal();
        int key = (status * ApiOperation.values().length + operation.ordinal()) * EVENT_TYPE_SLOTS + eventSlot;
        Timer timer = requests.get(key);
        if (timer == null) {
            timer = requests.computeIfAbsent(key, ignored -> requestTimer(operation, status, eventType));
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Made once per combination; statuses come from the service itself, so the combinations are few. */
    private Timer requestTimer(ApiOperation operation, int status, EventType eventType) {
        return Timer.builder("mc.requests")
                .description("HTTP requests, by operation, status and event type, from arrival to the response's end")
                .tag("operation", operation.operationId())
                .tag("status", Integer.toString(status))
                .tag("event_type", eventType == null ? NO_EVENT_TYPE : eventType.wireName())
                .register(registry);
    }

    @Override
    public void rejected(ProblemType type) {
        rejections[type == null ? rejections.length - 1 : type.ordinal()].increment();
    }

    // --- sessions -----------------------------------------------------------------------------------------------

    @Override
    public void sessionsClosed(CloseCause cause, int count) {
        if (count > 0) {
            closed.get(cause).increment(count);
        }
    }

    @Override
    public void swept(long nanos, boolean succeeded) {
        (succeeded ? sweeps : failedSweeps).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void openSessions(long count) {
        openSessions.set(count);
    }

    @Override
    public void findingsKept(List<Finding> kept) {
        for (Finding finding : kept) {
            Counter counter = findings.get(finding.rule());
            (counter != null ? counter : findings.computeIfAbsent(finding.rule(), this::findingCounter)).increment();
        }
    }

    // --- store (writer threads) ---------------------------------------------------------------------------------

    @Override
    public void committed(int writes, long nanos) {
        commits.record(nanos, TimeUnit.NANOSECONDS);
        groupSizes.record(writes);
    }

    @Override
    public void commitFailed(int writes) {
        failedCommits.increment();
    }

    // --- outbox relays (their own threads) ----------------------------------------------------------------------

    @Override
    public void relayed(String destination, int entries) {
        outbox(destination).relayed.increment(entries);
    }

    @Override
    public void relayFailed(String destination) {
        outbox(destination).failures.increment();
    }

    @Override
    public void backlog(String destination, long pending, Duration oldestAge) {
        OutboxMeters meters = outbox(destination);
        meters.pending.set(pending);
        meters.oldestAgeMillis.set(oldestAge.toMillis());
    }

    private OutboxMeters outbox(String destination) {
        return outboxes.computeIfAbsent(destination, name -> new OutboxMeters(registry, name));
    }

    /** One destination's series, all labelled with it. */
    private static final class OutboxMeters {
        final Counter relayed;
        final Counter failures;
        final AtomicLong pending = new AtomicLong();
        final AtomicLong oldestAgeMillis = new AtomicLong();

        OutboxMeters(MeterRegistry registry, String destination) {
            relayed = Counter.builder("mc.outbox.relayed")
                    .description("Outbox entries delivered to their destination and removed")
                    .tag("destination", destination)
                    .register(registry);
            failures = Counter.builder("mc.outbox.relay.failures")
                    .description("Relay rounds that failed (destination or store unreachable); each is retried")
                    .tag("destination", destination)
                    .register(registry);
            Gauge.builder("mc.outbox.pending", pending, AtomicLong::get)
                    .description("Outbox entries waiting for their destination, in the whole store")
                    .tag("destination", destination)
                    .register(registry);
            Gauge.builder("mc.outbox.oldest.pending", oldestAgeMillis, millis -> millis.get() / 1000.0)
                    .description("How long the oldest entry waiting for the destination has waited")
                    .tag("destination", destination)
                    .baseUnit("seconds")
                    .register(registry);
        }
    }

    // --- the relay to an upstream Media Collection API (event loops) ----------------------------------------------

    @Override
    public void answered(UpstreamObserver.Request request, UpstreamObserver.Outcome outcome, long nanos) {
        int slot = request.ordinal() * UpstreamObserver.Outcome.values().length + outcome.ordinal();
        upstreamRequests.computeIfAbsent(slot, made -> Timer.builder("mc.relay.upstream.requests")
                .description("Attempts at requests to the upstream Media Collection API, by request and outcome"
                        + " (acknowledged: 2xx; refused: 4xx, the session stops; failed: retried later)")
                .tag("request", request.label())
                .tag("outcome", outcome.label())
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Once per session at most: the counter is looked up in the registry each time rather than made up front. */
    @Override
    public void excluded() {
        Counter.builder("mc.relay.upstream.sessions.excluded")
                .description("Sessions the relay's filter left out (mc.relay.channels)")
                .register(registry).increment();
    }
}
