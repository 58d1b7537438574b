package dev.mediacollection.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.mediacollection.config.CollectorConfig;
import dev.mediacollection.lint.EarlierViewing;
import dev.mediacollection.lint.LintEvent;
import dev.mediacollection.lint.LintFinding;
import dev.mediacollection.lint.LintSession;
import dev.mediacollection.lint.LintSettings;
import dev.mediacollection.lint.SessionLinter;
import dev.mediacollection.session.CloseCause;
import dev.mediacollection.session.Finding;
import dev.mediacollection.session.RecordedFinding;
import dev.mediacollection.session.SessionIds;
import dev.mediacollection.session.StoredEvent;
import dev.mediacollection.session.StoredSession;
import dev.mediacollection.store.EventQuery;
import dev.mediacollection.store.SessionLint;
import dev.mediacollection.store.SessionStore;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Session-level findings (docs/lint.md), found off the requests' path. Accepting a request only queues its session
 * as changed (one insertion into a set); every {@code mc.lint.interval} the queued sessions that are due are checked
 * whole and their findings replaced, one after the other on one worker thread.
 * <p>
 * What keeps this cheap beside the players' own writes: an open session is due when it has doubled since its last
 * check, or grown by a quarter and waited {@code mc.lint.max-delay}, and always when it closes (so a session's checks
 * together walk at most five times its events, not one walk per interval); the events a check read stay in memory,
 * so the next check reads only the new ones; findings are written only when they changed; a run stops after a fifth
 * of the interval and leaves the rest queued, in arrival order, for the next run; and a run gives way while the
 * process keeps its CPUs busy, a minute at most. Nothing here refuses or delays a request.
 */
@ApplicationScoped
public class SessionLinting {

    private static final double QUARTER_MORE = 1.25;
    /** Viewers (with the content they watched) whose latest sessions are remembered for the resume rule. */
    private static final int VIEWINGS = 100_000;

    private final SessionStore store;
    private final TrackingObserver observer;
    private final Clock clock;
    private final boolean enabled;
    private final SessionLinter linter;
    private final Duration maxDelay;
    private final long runNanos;
    private final int cacheEvents;
    private final GiveWay giveWay = GiveWay.toBusyCpu();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final Queue<String> order = new ConcurrentLinkedQueue<>();
    /**
     * Sessions expiry sweeps closed, a write's at a time, looked at after those queued one by one. A sweep after an
     * outage closes hundreds of thousands: queued as strings with a set and a queue node each, they made the young
     * collections while it ran pause 35 to 160 ms (one CPU, 500,000 sessions), against 4 to 10 ms without them.
     */
    private final Queue<PackedIds> expired = new ConcurrentLinkedQueue<>();
    /** The expired sessions a run is going through, and where it stands in them; guarded by this. */
    private PackedIds expiring;
    private int nextExpiring;
    /** Open sessions as last checked, the least recently checked first; guarded by this. */
    private final LinkedHashMap<String, Checked> checked = new LinkedHashMap<>(16, 0.75f, true);
    private long cachedEvents;
    /**
     * The two latest sessions of each viewer and content checked here, the least recently checked first; guarded by
     * this. Only this instance's, and only since it started: a session continuing one another instance took, or one
     * from before a restart, is not told from a new viewing.
     */
    private final LinkedHashMap<String, List<EarlierViewing>> viewings = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<EarlierViewing>> eldest) {
            return size() > VIEWINGS;
        }
    };

    @Inject
    public SessionLinting(SessionStore store, TrackingObserver observer, Clock clock, CollectorConfig config) {
        this(store, observer, clock, config.lint());
    }

    SessionLinting(SessionStore store, TrackingObserver observer, Clock clock, CollectorConfig.Lint settings) {
        this.store = store;
        this.observer = observer;
        this.clock = clock;
        this.enabled = settings.enabled();
        this.linter = new SessionLinter(new LintSettings(settings.disabledRules().orElse(Set.of()),
                settings.adPingInterval()));
        this.maxDelay = settings.maxDelay();
        this.runNanos = GiveWay.runTime(settings.interval()).toNanos();
        this.cacheEvents = settings.cacheEvents();
    }

    /** The session received an event, opened or closed: it is looked at by the next run. */
    void changed(String sessionId) {
        // Most events find their session queued already: a lock-free look first spares them the set's bin lock.
        if (enabled && !queued.contains(sessionId) && queued.add(sessionId)) {
            order.add(sessionId);
        }
    }

    /** An expiry sweep closed these sessions: they are looked at by the next runs, after those changed meanwhile. */
    void expired(List<String> sessionIds) {
        if (!enabled || sessionIds.isEmpty()) {
            return;
        }
        List<String> wellFormed = new ArrayList<>(sessionIds.size());
        for (String sessionId : sessionIds) {
            if (SessionIds.isWellFormed(sessionId)) {
                wellFormed.add(sessionId);
            } else {
                changed(sessionId);
            }
        }
        if (!wellFormed.isEmpty()) {
            expired.add(PackedIds.of(wellFormed));
        }
    }

    /**
     * On a worker thread: the rules run here, off the event loops and the store's threads; not while the players keep
     * the CPUs busy, within {@value GiveWay#MOST_RUNS_GIVING_WAY} runs in a row ({@link GiveWay}).
     */
    @Scheduled(every = "${mc.lint.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRun() {
        if (!giveWay.now()) {
            run();
        }
    }

    /**
     * Checks the queued sessions that are due, in the order they were queued, until none is left or the run has
     * worked a fifth of {@code mc.lint.interval} (at least one is checked). Those not due yet, not reached, or whose
     * check failed (logged) stay queued for the next run.
     *
     * @return how many sessions were checked
     */
    public synchronized int run() {
        long started = System.nanoTime();
        List<String> later = new ArrayList<>();
        int checks = 0;
        String sessionId;
        while ((sessionId = next()) != null) {
            try {
                switch (checkIfDue(sessionId)) {
                    case CHECKED -> checks++;
                    case LATER -> later.add(sessionId);
                    case NOTHING_NEW -> {
                    }
                }
            } catch (RuntimeException e) {
                Log.warnf(e, "Session %s could not be checked for session-level findings; it is checked again at the"
                        + " next run", sessionId);
                later.add(sessionId);
            }
            if (System.nanoTime() - started >= runNanos) {
                break;
            }
        }
        later.forEach(this::changed);
        return checks;
    }

    /** The next session to look at: those queued one by one first, then those expiry sweeps closed; null if none. */
    private String next() {
        String sessionId = order.poll();
        if (sessionId != null) {
            // Out of the set before the store is read: an event stored from now on queues the session again.
            queued.remove(sessionId);
            return sessionId;
        }
        while (expiring == null || nextExpiring == expiring.size()) {
            expiring = expired.poll();
            nextExpiring = 0;
            if (expiring == null) {
                return null;
            }
        }
        return expiring.get(nextExpiring++);
    }

    private Outcome checkIfDue(String sessionId) {
        Optional<StoredSession> found = store.find(sessionId).toCompletableFuture().join();
        if (found.isEmpty()) {
            forget(sessionId);
            return Outcome.NOTHING_NEW;
        }
        StoredSession stored = found.get();
        boolean closed = stored.session().lifecycle().closeCause() != null;
        Checked last = checked.get(sessionId);
        if (!closed && last != null && !due(last, stored.eventCount())) {
            return last.events.size() == stored.eventCount() ? Outcome.NOTHING_NEW : Outcome.LATER;
        }
        Optional<List<LintEvent>> events = events(sessionId, last, stored.eventCount());
        if (events.isEmpty()) {
            return Outcome.LATER;
        }
        LintEvent start = last != null ? last.start : LintEvent.of(0, stored.session().start());
        check(stored, start, events.get(), last);
        return Outcome.CHECKED;
    }

    /**
     * Doubled since its last check, or grown by a quarter once {@code mc.lint.max-delay} has passed: either way each
     * check walks at least a fifth more events than the one before, so all the checks of a session walk at most five
     * times its length, however fast or slow its events come.
     */
    private boolean due(Checked last, long eventCount) {
        int seen = last.events.size();
        return eventCount < seen || eventCount >= 2L * seen + 1
                || eventCount >= Math.max(seen + 1, (long) Math.ceil(seen * QUARTER_MORE))
                        && !clock.instant().isBefore(last.at.plus(maxDelay));
    }

    /**
     * The session's events in arrival order, as the rules read them: those a previous check read, and the rest from
     * the store; exactly {@code eventCount} of them, or empty if the store no longer has them all (try later).
     */
    private Optional<List<LintEvent>> events(String sessionId, Checked last, long eventCount) {
        List<LintEvent> events = new ArrayList<>((int) eventCount);
        List<StoredEvent> read;
        if (last != null && last.events.size() <= eventCount) {
            events.addAll(last.events);
            long lastSequence = last.events.isEmpty() ? 0 : last.events.get(last.events.size() - 1).sequence();
            read = store.events(new EventQuery(sessionId, false, Optional.of(new EventQuery.Position(0, lastSequence)),
                    (int) (eventCount - last.events.size()))).toCompletableFuture().join();
        } else {
            read = store.events(sessionId).toCompletableFuture().join();
        }
        // Events stored after the session was read wait for the next check, as the session read had not counted them.
        for (Iterator<StoredEvent> each = read.iterator(); each.hasNext() && events.size() < eventCount;) {
            StoredEvent stored = each.next();
            events.add(LintEvent.of(stored.sequence(), stored.event()));
        }
        return events.size() == eventCount ? Optional.of(events) : Optional.empty();
    }

    private void check(StoredSession stored, LintEvent start, List<LintEvent> events, Checked last) {
        String sessionId = stored.session().id();
        CloseCause cause = stored.session().lifecycle().closeCause();
        LintSession session = LintSession.of(start, events, cause);
        Optional<String> viewer = session.viewerAndContent();
        if (viewer.isPresent()) {
            session = session.withEarlier(earlier(viewer.get(), sessionId, start));
            remember(viewer.get(), session.asEarlier(sessionId));
        }
        List<RecordedFinding> found = recorded(sessionId, session, linter.lint(session));
        List<Finding> findings = found.stream().map(RecordedFinding::finding).toList();
        Optional<List<Finding>> kept = last != null ? last.kept : Optional.empty();
        if (!kept.equals(Optional.of(findings))) {
            SessionLint lint = new SessionLint(sessionId, stored.eventCount(), stored.session().lifecycle().state(),
                    player(start), found);
            Optional<List<Finding>> replaced = store.replaceSessionFindings(lint).toCompletableFuture().join();
            if (replaced.isEmpty()) {
                // The session changed since it was read; that queued it again, and its next check writes.
                kept = Optional.empty();
            } else {
                kept = Optional.of(findings);
                List<Finding> added = added(replaced.get(), found);
                if (!added.isEmpty()) {
                    observer.findingsKept(added);
                }
            }
        }
        forget(sessionId);
        if (cause == null) {
            remember(sessionId, new Checked(start, session.events(), clock.instant(), kept));
        }
    }

    /** The viewer's latest other session of the content that had an event before this one started, or null. */
    private EarlierViewing earlier(String viewer, String sessionId, LintEvent start) {
        EarlierViewing latest = null;
        for (EarlierViewing viewing : viewings.getOrDefault(viewer, List.of())) {
            if (!viewing.sessionId().equals(sessionId) && viewing.lastEventAt().isBefore(start.receivedAt())
                    && (latest == null || viewing.lastEventAt().isAfter(latest.lastEventAt()))) {
                latest = viewing;
            }
        }
        return latest;
    }

    private void remember(String viewer, EarlierViewing viewing) {
        List<EarlierViewing> kept = new ArrayList<>(2);
        kept.add(viewing);
        viewings.getOrDefault(viewer, List.of()).stream()
                .filter(other -> !other.sessionId().equals(viewing.sessionId()))
                .max(Comparator.comparing(EarlierViewing::lastEventAt))
                .ifPresent(kept::add);
        viewings.put(viewer, List.copyOf(kept));
    }

    private void remember(String sessionId, Checked session) {
        checked.put(sessionId, session);
        cachedEvents += session.events.size();
        for (Iterator<Checked> eldest = checked.values().iterator(); cachedEvents > cacheEvents && eldest.hasNext();) {
            cachedEvents -= eldest.next().events.size();
            eldest.remove();
        }
    }

    private void forget(String sessionId) {
        Checked forgotten = checked.remove(sessionId);
        if (forgotten != null) {
            cachedEvents -= forgotten.events.size();
        }
    }

    private static SessionLint.Player player(LintEvent start) {
        return new SessionLint.Player(start.text("media.playerName"), start.text("media.sdkVersion"),
                start.text("media.libraryVersion"));
    }

    /**
     * Each finding kept with the last event it involves (the one that revealed it, or the last before the session
     * closed); their ordinals count down from -1 in the session's order (see {@link RecordedFinding}).
     */
    private static List<RecordedFinding> recorded(String sessionId, LintSession session, List<LintFinding> found) {
        Map<Long, LintEvent> bySequence = new HashMap<>();
        bySequence.put(0L, session.start());
        session.events().forEach(event -> bySequence.put(event.sequence(), event));
        List<RecordedFinding> recorded = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            LintFinding finding = found.get(i);
            LintEvent last = bySequence.get(finding.events().get(finding.events().size() - 1));
            recorded.add(new RecordedFinding(sessionId, last.sequence(), -(i + 1), last.type(), last.receivedAt(),
                    new Finding(finding.rule(), null, finding.message(), finding.events())));
        }
        return recorded;
    }

    /**
     * What is new since the last check, rule by rule: a finding counts once however often the session is checked
     * again (a finding that grows, naming more events, is the same finding).
     */
    private static List<Finding> added(List<Finding> previous, List<RecordedFinding> current) {
        Map<String, Integer> before = new HashMap<>();
        previous.forEach(finding -> before.merge(finding.rule(), 1, Integer::sum));
        List<Finding> added = new ArrayList<>();
        for (RecordedFinding recorded : current) {
            Finding finding = recorded.finding();
            if (before.merge(finding.rule(), -1, Integer::sum) < 0) {
                added.add(finding);
            }
        }
        return added;
    }

    /** What became of a queued session in a run. */
    private enum Outcome {
        /** Its findings are up to date. */
        CHECKED,
        /** Gone from the store, or nothing in it changed since its last check. */
        NOTHING_NEW,
        /** It changed, but is not due yet (or its events could not all be read): it stays queued. */
        LATER
    }

    /**
     * An open session as its last check read it.
     *
     * @param events its events after the sessionStart, in arrival order
     * @param at     when it was checked
     * @param kept   the findings stored for it then; empty when that write did not happen
     */
    private record Checked(LintEvent start, List<LintEvent> events, Instant at, Optional<List<Finding>> kept) {
    }
}
