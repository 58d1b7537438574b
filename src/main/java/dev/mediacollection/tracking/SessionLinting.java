package dev.mediacollection.tracking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mediacollection.config.CollectorConfig;
import dev.mediacollection.lint.LintEvent;
import dev.mediacollection.lint.LintFinding;
import dev.mediacollection.lint.LintSession;
import dev.mediacollection.lint.LintSettings;
import dev.mediacollection.lint.SessionLinter;
import dev.mediacollection.session.Finding;
import dev.mediacollection.session.RecordedFinding;
import dev.mediacollection.session.StoredEvent;
import dev.mediacollection.session.StoredSession;
import dev.mediacollection.store.SessionLint;
import dev.mediacollection.store.SessionStore;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Session-level findings (docs/lint.md), found off the requests' path. Accepting a request only notes its session
 * as changed (one insertion into a set); every {@code mc.lint.interval} the sessions changed since are read back,
 * checked whole, and their findings replaced. A session that closes (by sessionEnd, a timeout or as a downloaded
 * upload) is changed too, so it is checked once more as closed. Nothing here refuses or delays a request.
 */
@ApplicationScoped
public class SessionLinting {

    private final SessionStore store;
    private final TrackingObserver observer;
    private final boolean enabled;
    private final SessionLinter linter;
    private final Set<String> changed = ConcurrentHashMap.newKeySet();

    public SessionLinting(SessionStore store, TrackingObserver observer, CollectorConfig config) {
        this.store = store;
        this.observer = observer;
        CollectorConfig.Lint settings = config.lint();
        this.enabled = settings.enabled();
        this.linter = new SessionLinter(new LintSettings(settings.disabledRules().orElse(Set.of()),
                settings.adPingInterval()));
    }

    /** The session received an event, opened or closed: it is checked at the next run. */
    void changed(String sessionId) {
        if (enabled) {
            changed.add(sessionId);
        }
    }

    @Scheduled(every = "${mc.lint.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRun() {
        run();
    }

    /**
     * Checks every session changed since the last run, one after the other, so that the store sees one of these
     * writes at a time among the players' own.
     *
     * @return completes once each is checked and its findings stored; a failure is logged and the session checked
     *         again at the next run, never passed on
     */
    public CompletionStage<Void> run() {
        CompletionStage<Void> run = CompletableFuture.completedFuture(null);
        for (String sessionId : takeChanged()) {
            run = run.thenCompose(previous -> check(sessionId).exceptionally(failure -> {
                Log.warnf(failure, "Session %s could not be checked for session-level findings; it is checked again"
                        + " at the next run", sessionId);
                changed.add(sessionId);
                return null;
            }));
        }
        return run;
    }

    private List<String> takeChanged() {
        List<String> taken = new ArrayList<>();
        for (Iterator<String> ids = changed.iterator(); ids.hasNext();) {
            taken.add(ids.next());
            ids.remove();
        }
        return taken;
    }

    private CompletionStage<Void> check(String sessionId) {
        return store.find(sessionId).thenCompose(found -> {
            if (found.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            return store.events(sessionId).thenCompose(events -> keepFindings(found.get(), events));
        });
    }

    private CompletionStage<Void> keepFindings(StoredSession stored, List<StoredEvent> events) {
        String sessionId = stored.session().id();
        if (events.size() != stored.eventCount()) {
            // An event came between the two reads; it marked the session changed, so the next run reads it whole.
            return CompletableFuture.completedFuture(null);
        }
        LintSession session = LintSession.of(stored.session(), events);
        List<LintFinding> found = linter.lint(session);
        SessionLint lint = new SessionLint(sessionId, stored.eventCount(), stored.session().lifecycle().state(),
                player(session.start()), recorded(sessionId, session, found));
        return store.replaceSessionFindings(lint).thenAccept(replaced -> replaced.ifPresent(previous -> {
            List<Finding> added = added(previous, lint.findings());
            if (!added.isEmpty()) {
                observer.findingsKept(added);
            }
        }));
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
}
