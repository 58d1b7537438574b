package dev.mediacollection.store.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import dev.mediacollection.metrics.MediaMetrics;
import dev.mediacollection.metrics.MetricTotals;
import dev.mediacollection.session.Admission;
import dev.mediacollection.session.CloseCause;
import dev.mediacollection.session.Finding;
import dev.mediacollection.session.FindingSummary;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.RecordedFinding;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.session.StoredEvent;
import dev.mediacollection.session.StoredSession;
import dev.mediacollection.store.AppendResult;
import dev.mediacollection.store.EventQuery;
import dev.mediacollection.store.ExpiredSessions;
import dev.mediacollection.store.FindingQuery;
import dev.mediacollection.store.PlayerFindings;
import dev.mediacollection.store.SessionLint;
import dev.mediacollection.store.ReportQuery;
import dev.mediacollection.store.SessionQuery;
import dev.mediacollection.store.DuplicateSessionException;
import dev.mediacollection.store.SessionStore;
import dev.mediacollection.store.StoreUnavailableException;

/**
 * Keeps sessions and events in memory, up to fixed numbers, for tests and throw-away runs. Lost when the process
 * ends. Each session's changes are serialised on the session itself, so different sessions never wait for each
 * other.
 */
public class InMemorySessionStore implements SessionStore {

    private final int maxSessions;
    private final long maxEvents;
    private final SessionTimeouts timeouts;
    private final ConcurrentMap<String, Entry> sessions = new ConcurrentHashMap<>();
    private final AtomicLong sessionCount = new AtomicLong();
    private final AtomicLong eventCount = new AtomicLong();
    /** Every session's findings, newest first, as {@link #findings(FindingQuery)} pages them. */
    private final ConcurrentNavigableMap<FindingQuery.Position, RecordedFinding> findings =
            new ConcurrentSkipListMap<>(Comparator.comparing(FindingQuery.Position::receivedAt)
                    .thenComparing(FindingQuery.Position::sessionId)
                    .thenComparingLong(FindingQuery.Position::sequence)
                    .thenComparingInt(FindingQuery.Position::ordinal)
                    .reversed());

    public InMemorySessionStore(int maxSessions, long maxEvents, SessionTimeouts timeouts) {
        this.maxSessions = maxSessions;
        this.maxEvents = maxEvents;
        this.timeouts = timeouts;
    }

    /**
     * One session, its events, how many findings of each rule they have, its final metrics once stored, and what
     * the linter last found and saw; guarded by its own monitor.
     */
    private static final class Entry {
        Session session;
        final List<StoredEvent> events = new ArrayList<>();
        final TreeMap<String, Long> findingsByRule = new TreeMap<>();
        long findingCount;
        List<RecordedFinding> sessionFindings = List.of();
        SessionLint.Player player;
        MediaMetrics finalMetrics;
        long metricsEventCount;

        Entry(Session session) {
            this.session = session;
            count(session.start());
        }

        void add(StoredEvent event) {
            events.add(event);
            count(event.event());
        }

        private void count(ReceivedEvent event) {
            event.findings().forEach(finding -> findingsByRule.merge(finding.rule(), 1L, Long::sum));
            findingCount += event.findings().size();
        }

        synchronized StoredSession snapshot() {
            TreeMap<String, Long> rules = new TreeMap<>(findingsByRule);
            sessionFindings.forEach(recorded -> rules.merge(recorded.finding().rule(), 1L, Long::sum));
            long count = findingCount + sessionFindings.size();
            return new StoredSession(session, events.size(), count == 0 ? FindingSummary.NONE
                    : new FindingSummary(count, List.copyOf(rules.keySet())));
        }
    }

    @Override
    public CompletionStage<Void> create(Session session) {
        return create(session, List.of());
    }

    @Override
    public CompletionStage<Void> create(Session session, List<ReceivedEvent> events) {
        // Reserve room first so that concurrent writers can never overshoot the limits.
        if (!reserve(sessionCount, 1, maxSessions)) {
            return full("sessions", maxSessions);
        }
        if (!reserve(eventCount, events.size(), maxEvents)) {
            sessionCount.decrementAndGet();
            return full("events", maxEvents);
        }
        Entry entry = new Entry(session);
        for (ReceivedEvent event : events) {
            entry.add(new StoredEvent(entry.events.size() + 1, event));
        }
        if (sessions.putIfAbsent(session.id(), entry) != null) {
            sessionCount.decrementAndGet();
            eventCount.addAndGet(-events.size());
            return CompletableFuture.failedFuture(new DuplicateSessionException(session.id()));
        }
        index(session.id(), 0, session.start());
        entry.events.forEach(stored -> index(session.id(), stored.sequence(), stored.event()));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<AppendResult> append(String sessionId, ReceivedEvent event) {
        Entry entry = sessions.get(sessionId);
        if (entry == null) {
            return CompletableFuture.completedFuture(new AppendResult.UnknownSession());
        }
        synchronized (entry) {
            Admission admission = entry.session.lifecycle().admit(event, timeouts);
            if (admission instanceof Admission.Refused refused) {
                entry.session = entry.session.withLifecycle(refused.standing());
                return CompletableFuture.completedFuture(new AppendResult.SessionClosed(refused.standing(),
                        refused.expiredNow(), refused.refusal()));
            }
            Admission.Kept kept = (Admission.Kept) admission;
            if (!reserve(eventCount, 1, maxEvents)) {
                return full("events", maxEvents);
            }
            long sequence = entry.events.size() + 1L;
            entry.add(new StoredEvent(sequence, event));
            index(sessionId, sequence, event);
            entry.session = entry.session.withLifecycle(kept.next());
            // A late event makes the stored metrics out of date: the session awaits the finaliser again.
            entry.finalMetrics = kept.late() ? null : entry.finalMetrics;
            return CompletableFuture.completedFuture(new AppendResult.Appended(sequence, kept.next(), kept.late()));
        }
    }

    @Override
    public CompletionStage<Optional<StoredSession>> find(String id) {
        Entry entry = sessions.get(id);
        return CompletableFuture.completedFuture(Optional.ofNullable(entry).map(Entry::snapshot));
    }

    @Override
    public CompletionStage<List<StoredSession>> list(SessionQuery query) {
        Comparator<StoredSession> newestFirst = Comparator
                .comparing((StoredSession stored) -> stored.session().createdAt())
                .thenComparing(stored -> stored.session().id())
                .reversed();
        return CompletableFuture.completedFuture(sessions.values().stream()
                .map(Entry::snapshot)
                .filter(stored -> matches(stored, query))
                .sorted(newestFirst)
                .limit(query.limit())
                .toList());
    }

    private static boolean matches(StoredSession stored, SessionQuery query) {
        Session session = stored.session();
        Instant created = session.createdAt();
        return query.state().map(state -> state == session.lifecycle().state()).orElse(true)
                && query.hasFindings().map(has -> has == stored.findings().count() > 0).orElse(true)
                && query.mediaId().map(id -> id.equals(session.mediaId())).orElse(true)
                && query.playerName().map(name -> name.equals(session.playerName())).orElse(true)
                && query.createdFrom().map(from -> !created.isBefore(from)).orElse(true)
                && query.createdTo().map(created::isBefore).orElse(true)
                && query.after().map(after -> created.isBefore(after.createdAt())
                        || created.equals(after.createdAt()) && session.id().compareTo(after.id()) < 0)
                        .orElse(true);
    }

    @Override
    public CompletionStage<List<StoredEvent>> events(String sessionId) {
        Entry entry = sessions.get(sessionId);
        if (entry == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        synchronized (entry) {
            return CompletableFuture.completedFuture(List.copyOf(entry.events));
        }
    }

    @Override
    public CompletionStage<List<StoredEvent>> events(EventQuery query) {
        Comparator<StoredEvent> order = query.byTs()
                ? Comparator.comparingLong((StoredEvent stored) -> stored.event().ts())
                        .thenComparingLong(StoredEvent::sequence)
                : Comparator.comparingLong(StoredEvent::sequence);
        return events(query.sessionId()).thenApply(events -> events.stream()
                .filter(stored -> query.after().map(after -> query.byTs()
                        ? stored.event().ts() > after.ts()
                                || stored.event().ts() == after.ts() && stored.sequence() > after.sequence()
                        : stored.sequence() > after.sequence()).orElse(true))
                .sorted(order)
                .limit(query.limit())
                .toList());
    }

    @Override
    public CompletionStage<Integer> expireSessions(Instant now, Consumer<ExpiredSessions> expired) {
        int idle = 0;
        int stalled = 0;
        List<String> ids = new ArrayList<>();
        for (Entry entry : sessions.values()) {
            synchronized (entry) {
                if (!entry.session.lifecycle().state().takesEvents()) {
                    continue;
                }
                // An open session has no close cause until it expires here.
                CloseCause cause = expireIfDue(entry, now).closeCause();
                if (cause != null) {
                    ids.add(entry.session.id());
                }
                if (cause == CloseCause.IDLE) {
                    idle++;
                } else if (cause == CloseCause.STALLED) {
                    stalled++;
                }
            }
        }
        expired.accept(new ExpiredSessions(idle, stalled, ids));
        return CompletableFuture.completedFuture(ids.size());
    }

    @Override
    public CompletionStage<Integer> deleteClosedBefore(Instant cutoff) {
        int deleted = 0;
        for (Entry entry : sessions.values()) {
            synchronized (entry) {
                Lifecycle lifecycle = entry.session.lifecycle();
                if (!lifecycle.state().takesEvents() && lifecycle.closedAt().isBefore(cutoff)
                        && sessions.remove(entry.session.id(), entry)) {
                    sessionCount.decrementAndGet();
                    eventCount.addAndGet(-entry.events.size());
                    unindex(entry);
                    deleted++;
                }
            }
        }
        return CompletableFuture.completedFuture(deleted);
    }

    /** A store at either limit takes no new session, or no event at all: it cannot write. */
    @Override
    public CompletionStage<Void> proveWritable() {
        if (sessionCount.get() >= maxSessions) {
            return full("sessions", maxSessions);
        }
        if (eventCount.get() >= maxEvents) {
            return full("events", maxEvents);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Long> countOpenSessions() {
        return CompletableFuture.completedFuture(sessions.values().stream()
                .filter(entry -> entry.snapshot().session().lifecycle().state().takesEvents())
                .count());
    }

    @Override
    public CompletionStage<List<RecordedFinding>> findings(FindingQuery query) {
        ConcurrentNavigableMap<FindingQuery.Position, RecordedFinding> page = query.after()
                .map(after -> findings.tailMap(after, false))
                .orElse(findings);
        return CompletableFuture.completedFuture(page.values().stream().limit(query.limit()).toList());
    }

    @Override
    public CompletionStage<Optional<List<Finding>>> replaceSessionFindings(SessionLint lint) {
        Entry entry = sessions.get(lint.sessionId());
        if (entry == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        synchronized (entry) {
            if (entry.events.size() != lint.eventCount() || entry.session.lifecycle().state() != lint.state()) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            List<Finding> replaced = entry.sessionFindings.stream().map(RecordedFinding::finding).toList();
            entry.sessionFindings.forEach(recorded -> findings.remove(position(recorded)));
            entry.sessionFindings = lint.findings();
            entry.sessionFindings.forEach(recorded -> findings.put(position(recorded), recorded));
            entry.player = lint.player();
            return CompletableFuture.completedFuture(Optional.of(replaced));
        }
    }

    @Override
    public CompletionStage<List<Finding>> sessionFindings(String sessionId) {
        Entry entry = sessions.get(sessionId);
        if (entry == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        synchronized (entry) {
            return CompletableFuture.completedFuture(entry.sessionFindings.stream().map(RecordedFinding::finding)
                    .toList());
        }
    }

    @Override
    public CompletionStage<List<PlayerFindings>> findingsByPlayer() {
        Map<SessionLint.Player, long[]> sessionCounts = new HashMap<>();
        Map<SessionLint.Player, Map<String, long[]>> ruleCounts = new HashMap<>();
        for (Entry entry : sessions.values()) {
            StoredSession stored;
            Map<String, Long> byRule = new TreeMap<>();
            SessionLint.Player player;
            synchronized (entry) {
                player = entry.player;
                if (player == null) {
                    continue;
                }
                stored = entry.snapshot();
                byRule.putAll(entry.findingsByRule);
                entry.sessionFindings.forEach(recorded -> byRule.merge(recorded.finding().rule(), 1L, Long::sum));
            }
            long[] counts = sessionCounts.computeIfAbsent(player, key -> new long[2]);
            counts[0]++;
            counts[1] += stored.findings().count() > 0 ? 1 : 0;
            Map<String, long[]> rules = ruleCounts.computeIfAbsent(player, key -> new HashMap<>());
            byRule.forEach((rule, found) -> {
                long[] ruleCount = rules.computeIfAbsent(rule, key -> new long[2]);
                ruleCount[0] += found;
                ruleCount[1]++;
            });
        }
        return CompletableFuture.completedFuture(sessionCounts.entrySet().stream()
                .map(entry -> new PlayerFindings(entry.getKey(), entry.getValue()[0], entry.getValue()[1],
                        PlayerFindings.ordered(ruleCounts.get(entry.getKey()).entrySet().stream()
                                .map(rule -> new PlayerFindings.RuleCount(rule.getKey(), rule.getValue()[0],
                                        rule.getValue()[1]))
                                .toList())))
                .sorted(PlayerFindings.BY_PLAYER)
                .toList());
    }

    private static FindingQuery.Position position(RecordedFinding recorded) {
        return new FindingQuery.Position(recorded.receivedAt(), recorded.sessionId(), recorded.sequence(),
                recorded.ordinal());
    }

    private void index(String sessionId, long sequence, ReceivedEvent event) {
        for (int ordinal = 0; ordinal < event.findings().size(); ordinal++) {
            RecordedFinding finding = new RecordedFinding(sessionId, sequence, ordinal, event.type(),
                    event.receivedAt(), event.findings().get(ordinal));
            findings.put(new FindingQuery.Position(event.receivedAt(), sessionId, sequence, ordinal), finding);
        }
    }

    private void unindex(Entry entry) {
        String id = entry.session.id();
        entry.sessionFindings.forEach(recorded -> findings.remove(position(recorded)));
        unindex(id, 0, entry.session.start());
        entry.events.forEach(stored -> unindex(id, stored.sequence(), stored.event()));
    }

    private void unindex(String sessionId, long sequence, ReceivedEvent event) {
        for (int ordinal = 0; ordinal < event.findings().size(); ordinal++) {
            findings.remove(new FindingQuery.Position(event.receivedAt(), sessionId, sequence, ordinal));
        }
    }

    @Override
    public CompletionStage<List<StoredSession>> awaitingMetrics(Instant closedBy, int limit) {
        return CompletableFuture.completedFuture(sessions.values().stream()
                .filter(entry -> {
                    synchronized (entry) {
                        Lifecycle lifecycle = entry.session.lifecycle();
                        return entry.finalMetrics == null && !lifecycle.state().takesEvents()
                                && !lifecycle.closedAt().isAfter(closedBy);
                    }
                })
                .map(Entry::snapshot)
                .sorted(Comparator.comparing((StoredSession stored) -> stored.session().lifecycle().closedAt()))
                .limit(limit)
                .toList());
    }

    @Override
    public CompletionStage<Boolean> storeMetrics(String sessionId, long eventCount, MediaMetrics metrics) {
        Entry entry = sessions.get(sessionId);
        if (entry == null) {
            return CompletableFuture.completedFuture(false);
        }
        synchronized (entry) {
            if (entry.session.lifecycle().state().takesEvents() || entry.events.size() != eventCount) {
                return CompletableFuture.completedFuture(false);
            }
            entry.finalMetrics = metrics;
            entry.metricsEventCount = eventCount;
            return CompletableFuture.completedFuture(true);
        }
    }

    /** Memory holds every session anyway: stored metrics are added as they are, the others replayed. */
    @Override
    public CompletionStage<Map<String, MetricTotals>> report(ReportQuery query,
            BiFunction<Session, List<StoredEvent>, MediaMetrics> replay) {
        Map<String, MetricTotals> groups = new HashMap<>();
        for (Entry entry : sessions.values()) {
            Session session;
            MediaMetrics stored;
            List<StoredEvent> events;
            synchronized (entry) {
                session = entry.session;
                if (!query.matches(session)) {
                    continue;
                }
                boolean current = entry.finalMetrics != null && entry.metricsEventCount == entry.events.size();
                stored = current ? entry.finalMetrics : null;
                events = current ? List.of() : List.copyOf(entry.events);
            }
            // Replayed outside the lock: the session keeps taking events meanwhile.
            groups.computeIfAbsent(query.groupBy().keyOf(session), key -> new MetricTotals())
                    .add(stored != null ? stored : replay.apply(session, events));
        }
        return CompletableFuture.completedFuture(groups);
    }

    private Lifecycle expireIfDue(Entry entry, Instant now) {
        Lifecycle lifecycle = entry.session.lifecycle();
        Optional<Lifecycle.Expiry> expiry = lifecycle.expiry(now, timeouts);
        if (expiry.isPresent()) {
            lifecycle = lifecycle.expired(expiry.get());
            entry.session = entry.session.withLifecycle(lifecycle);
        }
        return lifecycle;
    }

    private static boolean reserve(AtomicLong count, long amount, long limit) {
        if (count.addAndGet(amount) > limit) {
            count.addAndGet(-amount);
            return false;
        }
        return true;
    }

    private static <T> CompletionStage<T> full(String what, long limit) {
        return CompletableFuture.failedFuture(
                new StoreUnavailableException("The in-memory store is full (" + limit + " " + what + ")"));
    }
}
