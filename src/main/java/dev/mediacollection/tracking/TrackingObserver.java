package dev.mediacollection.tracking;

import dev.mediacollection.session.CloseCause;

/** Told what happens to sessions, for monitoring. It must return at once and never throw. */
public interface TrackingObserver {

    /** {@code count} sessions stopped taking events, for this cause. */
    void sessionsClosed(CloseCause cause, int count);

    /** An expiry sweep ran for {@code nanos}; {@code succeeded} false if the store failed it. */
    void swept(long nanos, boolean succeeded);

    /** The store holds this many sessions that take events (every instance's). */
    void openSessions(long count);
}
