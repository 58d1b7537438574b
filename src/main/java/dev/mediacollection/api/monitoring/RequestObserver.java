package dev.mediacollection.api.monitoring;

import dev.mediacollection.api.problem.ProblemType;
import dev.mediacollection.session.EventType;

/**
 * Told how each request was answered, for monitoring. Called on the request's event loop for every request: it must
 * return at once, allocate next to nothing and never throw.
 */
public interface RequestObserver {

    /**
     * A request was answered.
     *
     * @param eventType the validated {@code eventType} of an events request, {@code null} for any other request
     * @param nanos     from the request's arrival to the end of the response
     */
    void answered(ApiOperation operation, int status, EventType eventType, long nanos);

    /** A player's request was refused with a problem of this type ({@code null}: a plain-status problem). */
    void rejected(ProblemType type);
}
