package dev.mediacollection.session;

import java.time.Instant;
import java.util.Optional;

/**
 * The lifecycle rules of a session, and where one session stands. Immutable: every transition returns the next
 * standing, so a store can apply it atomically however it keeps sessions.
 *
 * @param state                what the session takes
 * @param lastEventAt          when the last request of the session arrived while it took events
 * @param lastPlayhead         the playhead of that request
 * @param lastPlayheadChangeAt when a request last brought a different playhead
 * @param closedAt             when it stopped taking events, or {@code null}
 * @param closeCause           why, or {@code null}
 * @param endTs                the {@code playerTime.ts} of the {@code sessionEnd} that ended it live, or {@code null}:
 *                             late events are kept up to it (see {@link #admit}); an open, expired or downloaded
 *                             session has none
 */
public record Lifecycle(SessionState state, Instant lastEventAt, double lastPlayhead, Instant lastPlayheadChangeAt,
        Instant closedAt, CloseCause closeCause, Long endTs) {

    /** An expiry: why, and the moment the timeout ran out. */
    public record Expiry(CloseCause cause, Instant at) {
    }

    public static Lifecycle opened(Instant at, double playhead) {
        return new Lifecycle(SessionState.OPEN, at, playhead, at, null, null, null);
    }

    /**
     * What an event arriving at the session does. A session whose timeout ran out before the event arrived expires
     * and refuses it; a session that takes events keeps it and moves on ({@link #after}).
     *
     * <p>A session that ended with {@code sessionEnd} still keeps a late event, one that happened at or before the
     * {@code sessionEnd} (by {@code ts}) and arrives less than {@code timeouts.lateEvents()} after it (by the
     * server's clock): Adobe's JS SDK sends several hits at once without waiting for answers, so the network may
     * deliver a {@code sessionEnd} before the event sent just ahead of it, and Adobe's back end buffers events a few
     * seconds and orders them by {@code ts}. The session stays as it ended. Nothing else is kept after the end.
     */
    public Admission admit(ReceivedEvent event, SessionTimeouts timeouts) {
        Optional<Expiry> expiry = expiry(event.receivedAt(), timeouts);
        if (expiry.isPresent()) {
            return new Admission.Refused(expired(expiry.get()), true, Admission.Refusal.CLOSED);
        }
        if (state.takesEvents()) {
            return new Admission.Kept(after(event), false);
        }
        if (endTs == null) {
            return new Admission.Refused(this, false, Admission.Refusal.CLOSED);
        }
        if (event.ts() > endTs) {
            return new Admission.Refused(this, false, Admission.Refusal.AFTER_END);
        }
        if (!event.receivedAt().isBefore(closedAt.plus(timeouts.lateEvents()))) {
            return new Admission.Refused(this, false, Admission.Refusal.TOO_LATE);
        }
        return new Admission.Kept(this, true);
    }

    /**
     * The standing after an event: {@code sessionEnd} closes the session, {@code sessionComplete} marks it
     * complete, any event counts as activity and a new playhead as movement.
     */
    public Lifecycle after(ReceivedEvent event) {
        if (!state.takesEvents()) {
            throw new IllegalStateException("A " + state + " session takes no events");
        }
        Instant at = event.receivedAt();
        double playhead = event.playhead();
        Instant moved = playhead != lastPlayhead ? at : lastPlayheadChangeAt;
        return switch (event.type()) {
            case SESSION_END -> new Lifecycle(SessionState.CLOSED, at, playhead, moved, at, CloseCause.SESSION_END,
                    event.ts());
            case SESSION_COMPLETE -> new Lifecycle(SessionState.COMPLETE, at, playhead, moved, null, null, null);
            default -> new Lifecycle(state, at, playhead, moved, null, null, null);
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
                expiry.cause(), null);
    }

    /**
     * A downloaded session is complete history: closed on arrival unless its own sessionEnd closed it, and it takes
     * no late events either way.
     */
    public Lifecycle closedAsDownloaded(Instant at) {
        return state.takesEvents()
                ? new Lifecycle(SessionState.CLOSED, lastEventAt, lastPlayhead, lastPlayheadChangeAt, at,
                        CloseCause.DOWNLOADED, null)
                : new Lifecycle(state, lastEventAt, lastPlayhead, lastPlayheadChangeAt, closedAt, closeCause, null);
    }
}
