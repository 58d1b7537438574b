package dev.mediacollection.store;

import dev.mediacollection.session.Lifecycle;

/** What became of an event sent to a session. */
public sealed interface AppendResult {

    /** Stored, as the session's {@code sequence}-th event; the session now stands at {@code lifecycle}. */
    record Appended(long sequence, Lifecycle lifecycle) implements AppendResult {
    }

    /** No session has that id. */
    record UnknownSession() implements AppendResult {
    }

    /**
     * The session exists but takes no more events: closed or expired, as {@code lifecycle} tells.
     * {@code expiredNow}: it was open until this event found its timeout run out, and expired it.
     */
    record SessionClosed(Lifecycle lifecycle, boolean expiredNow) implements AppendResult {
    }
}
