package dev.mediacollection.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mediacollection.config.CollectorConfig;
import dev.mediacollection.session.CloseCause;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionIds;
import dev.mediacollection.store.AppendResult;
import dev.mediacollection.store.DuplicateSessionException;
import dev.mediacollection.store.SessionStore;

/** What the collection endpoints do with a valid request: open sessions and keep what players send. */
@ApplicationScoped
public class TrackingService {

    private final SessionStore store;
    private final Clock clock;
    private final Duration retention;
    private final TrackingObserver observer;
    private final SessionLinting linting;

    public TrackingService(SessionStore store, Clock clock, CollectorConfig config, TrackingObserver observer,
            SessionLinting linting) {
        this.store = store;
        this.clock = clock;
        this.retention = config.store().retention();
        this.observer = observer;
        this.linting = linting;
    }

    /**
     * Opens a live session with a {@code sessionStart} request.
     *
     * @return the new session's id, once the session is stored
     */
    public CompletionStage<String> open(IncomingSessionStart start) {
        ReceivedEvent received = received(start.event(), clock.instant());
        Lifecycle lifecycle = Lifecycle.opened(received.receivedAt(), received.playhead());
        return withFreshId(id -> store.create(new Session(id, received.receivedAt(), received, start.mediaId(),
                start.playerName(), start.channel(), start.contentType(), lifecycle)))
                .thenApply(id -> {
                    kept(received);
                    linting.changed(id);
                    return id;
                });
    }

    /**
     * Stores a downloaded session whole: its {@code sessionStart} and every following event, in order. It arrives
     * complete, so it is closed at once.
     *
     * @return the new session's id, once the session and all its events are stored
     */
    public CompletionStage<String> openDownloaded(IncomingSessionStart sessionStart, List<IncomingEvent> following) {
        Instant now = clock.instant();
        ReceivedEvent start = received(sessionStart.event(), now);
        List<ReceivedEvent> events = following.stream().map(event -> received(event, now)).toList();
        Lifecycle lifecycle = Lifecycle.opened(now, start.playhead());
        for (ReceivedEvent event : events) {
            // A profile may keep events after the batch's sessionEnd: kept, but the session closed there.
            if (lifecycle.state().takesEvents()) {
                lifecycle = lifecycle.after(event);
            }
        }
        Lifecycle closed = lifecycle.closedAsDownloaded(now);
        return withFreshId(id -> store.create(new Session(id, now, start, sessionStart.mediaId(),
                sessionStart.playerName(), sessionStart.channel(), sessionStart.contentType(), closed), events))
                .thenApply(id -> {
                    observer.sessionsClosed(CloseCause.DOWNLOADED, 1);
                    kept(start);
                    events.forEach(this::kept);
                    linting.changed(id);
                    return id;
                });
    }

    /** Adds an event to a session, applying the lifecycle rules. */
    public CompletionStage<AppendResult> record(String sessionId, IncomingEvent event) {
        if (!SessionIds.isWellFormed(sessionId)) {
            // Never handed out, so never existed: spare the store the lookup.
            return CompletableFuture.completedFuture(new AppendResult.UnknownSession());
        }
        ReceivedEvent received = received(event, clock.instant());
        return store.append(sessionId, received).thenApply(result -> {
            if (result instanceof AppendResult.Appended) {
                kept(received);
                linting.changed(sessionId);
            }
            if (result instanceof AppendResult.Appended appended && !appended.late()
                    && !appended.lifecycle().state().takesEvents()) {
                observer.sessionsClosed(appended.lifecycle().closeCause(), 1);
            } else if (result instanceof AppendResult.SessionClosed closed && closed.expiredNow()) {
                observer.sessionsClosed(closed.lifecycle().closeCause(), 1);
                linting.changed(sessionId);
            }
            return result;
        });
    }

    /** Deletes sessions, with their events, that closed longer ago than the retention period. */
    public CompletionStage<Integer> deleteExpiredHistory() {
        return store.deleteClosedBefore(clock.instant().minus(retention));
    }

    /**
     * Expires the sessions whose timeouts have run out, counting each write's and handing them to the linter as it is
     * committed.
     *
     * @return how many expired
     */
    public CompletionStage<Integer> expireSessions() {
        return store.expireSessions(clock.instant(), expired -> {
            observer.sessionsClosed(CloseCause.IDLE, expired.idle());
            observer.sessionsClosed(CloseCause.STALLED, expired.stalled());
            linting.expired(expired.ids());
        });
    }

    /** How many sessions take events, in the whole store. */
    public CompletionStage<Long> countOpenSessions() {
        return store.countOpenSessions();
    }

    // 256 random bits never collide in practice; if they ever do, the store refuses and we draw again.
    private static CompletionStage<String> withFreshId(Function<String, CompletionStage<Void>> create) {
        String id = SessionIds.next();
        return create.apply(id)
                .thenApply(stored -> id)
                .exceptionallyCompose(failure -> unwrap(failure) instanceof DuplicateSessionException
                        ? withFreshId(create)
                        : CompletableFuture.failedStage(failure));
    }

    private static ReceivedEvent received(IncomingEvent event, Instant at) {
        return new ReceivedEvent(event.type(), event.playhead(), event.ts(), at, event.body(), event.findings());
    }

    private void kept(ReceivedEvent event) {
        if (!event.findings().isEmpty()) {
            observer.findingsKept(event.findings());
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
