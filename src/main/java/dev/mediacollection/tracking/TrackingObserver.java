package dev.mediacollection.tracking;

import java.util.List;

import dev.mediacollection.session.CloseCause;
import dev.mediacollection.session.Finding;

/** Told what happens to sessions, for monitoring. It must return at once and never throw. */
public interface TrackingObserver {

    /** {@code count} sessions stopped taking events, for this cause. */
    void sessionsClosed(CloseCause cause, int count);

    /** An expiry sweep ran for {@code nanos}; {@code succeeded} false if the store failed it. */
    void swept(long nanos, boolean succeeded);

    /** The store holds this many sessions that take events (every instance's). */
    void openSessions(long count);

    /**
     * A request was stored with these findings, or a session's check found these new ones (never called with
     * none).
     */
    void findingsKept(List<Finding> findings);
}
