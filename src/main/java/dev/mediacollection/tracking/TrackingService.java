package dev.mediacollection.tracking;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionIds;
import dev.mediacollection.store.DuplicateSessionException;
import dev.mediacollection.store.SessionStore;

/** What the collection endpoints do with a valid request: open sessions and keep what players send. */
@ApplicationScoped
public class TrackingService {

    private final SessionStore store;
    private final Clock clock;

    public TrackingService(SessionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Opens a session with a valid {@code sessionStart} request.
     *
     * @return the new session's id, once the session is stored
     */
    public CompletionStage<String> open(double playhead, long ts, String body) {
        return open(new ReceivedEvent("sessionStart", playhead, ts, clock.instant(), body));
    }

    private CompletionStage<String> open(ReceivedEvent start) {
        Session session = new Session(SessionIds.next(), start.receivedAt(), start);
        return store.create(session)
                .thenApply(stored -> session.id())
                // 256 random bits never collide in practice; if they ever do, the store refuses and we draw again.
                .exceptionallyCompose(failure -> unwrap(failure) instanceof DuplicateSessionException
                        ? open(start)
                        : CompletableFuture.<String>failedStage(failure));
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
