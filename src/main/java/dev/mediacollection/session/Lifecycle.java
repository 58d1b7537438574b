package dev.mediacollection.session;

import java.time.Instant;
import java.util.Optional;

/**
 * The lifecycle rules of a session, and where one session stands. Immutable: every transition returns the next
 * standing, so a store can apply it atomically however it keeps sessions.
 *
 * @param state                what the session takes
 * @param lastEventAt          when the last request of the session arrived
 * @param lastPlayhead         the playhead of that request
 * @param lastPlayheadChangeAt when a request last brought a different playhead
 * @param closedAt             when it stopped taking events, or {@code null}
 * @param closeCause           why, or {@code null}
 */
public record Lifecycle(SessionState state, Instant lastEventAt, double lastPlayhead, Instant lastPlayheadChangeAt,
        Instant closedAt, CloseCause closeCause) {

    /** An expiry: why, and the moment the timeout ran out. */
    public record Expiry(CloseCause cause, Instant at) {
    }

    public static Lifecycle opened(Instant at, double playhead) {
        return new Lifecycle(SessionState.OPEN, at, playhead, at, null, null);
    }

    /**
     * The standing after an event: {@code sessionEnd} closes the session, {@code sessionComplete} marks it
     * complete, any event counts as activity and a new playhead as movement.
     */
    public Lifecycle after(EventType type, double playhead, Instant at) {
        if (!state.takesEvents()) {
            throw new IllegalStateException("A " + state + " session takes no events");
        }
        Instant moved = playhead != lastPlayhead ? at : lastPlayheadChangeAt;
        return switch (type) {
            case SESSION_END -> new Lifecycle(SessionState.CLOSED, at, playhead, moved, at, CloseCause.SESSION_END);
            case SESSION_COMPLETE -> new Lifecycle(SessionState.COMPLETE, at, playhead, moved, null, null);
            default -> new Lifecycle(state, at, playhead, moved, null, null);
        };
    }

    /** Whether the session has run out of time by {@code now}: the first deadline to pass, and which one. */
    public Optional<Expiry> expiry(Instant now, SessionTimeouts timeouts) {
        if (!state.takesEvents()) {
            return Optional.empty();
        }
        Expiry idle = new Expiry(CloseCause.IDLE, lastEventAt.plus(timeouts.idle()));
        Expiry stalled = new Expiry(CloseCause.STALLED, lastPlayheadChangeAt.plus(timeouts.stalled()));
        Expiry first = idle.at().isAfter(stalled.at()) ? stalled : idle;
        return now.isBefore(first.at()) ? Optional.empty() : Optional.of(first);
    }

    public Lifecycle expired(Expiry expiry) {
        return new Lifecycle(SessionState.EXPIRED, lastEventAt, lastPlayhead, lastPlayheadChangeAt, expiry.at(),
                expiry.cause());
    }

    /** A downloaded session is complete history: closed on arrival unless its own sessionEnd closed it. */
    public Lifecycle closedAsDownloaded(Instant at) {
        return state.takesEvents()
                ? new Lifecycle(SessionState.CLOSED, lastEventAt, lastPlayhead, lastPlayheadChangeAt, at,
                        CloseCause.DOWNLOADED)
                : this;
    }
}
