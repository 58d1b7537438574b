package dev.mediacollection.session;

/** Where a session is in its life. */
public enum SessionState {
    /** Taking events. */
    OPEN,
    /** {@code sessionComplete} received: the content was watched to the end; still taking events until it ends. */
    COMPLETE,
    /** Ended by {@code sessionEnd}, or uploaded whole as a downloaded session. */
    CLOSED,
    /** Closed by the service after a timeout. */
    EXPIRED;

    public boolean takesEvents() {
        return this == OPEN || this == COMPLETE;
    }
}
