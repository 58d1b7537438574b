package dev.mediacollection.store;

import dev.mediacollection.session.Admission;
import dev.mediacollection.session.Lifecycle;

/** What became of an event sent to a session. */
public sealed interface AppendResult {

    /**
     * Stored, as the session's {@code sequence}-th event; the session now stands at {@code lifecycle}. {@code late}:
     * kept after the session's {@code sessionEnd}, which it happened before; the session stays ended.
     */
    record Appended(long sequence, Lifecycle lifecycle, boolean late) implements AppendResult {
    }

    /** No session has that id. */
    record UnknownSession() implements AppendResult {
    }

    /**
     * The session exists but takes no more events: closed or expired, as {@code lifecycle} tells, and
     * {@code refusal} says why it refused this one. {@code expiredNow}: it was open until this event found its
     * timeout run out, and expired it.
     */
    record SessionClosed(Lifecycle lifecycle, boolean expiredNow, Admission.Refusal refusal) implements AppendResult {
    }
}
