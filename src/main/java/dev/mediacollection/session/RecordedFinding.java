package dev.mediacollection.session;

import java.time.Instant;

/**
 * A finding as kept, with the request it belongs to. A session-level finding belongs to the last event it involves
 * (the one that revealed it, or the last before the session closed).
 *
 * @param sessionId  the session
 * @param sequence   the request's place in the session: 0 for its sessionStart, then its events from 1
 * @param ordinal    the finding's place among its request's findings, from 0; session-level findings count down from
 *                   -1 in the order of the session's list, so that they never share a place with a request's own
 * @param eventType  the request's {@code eventType}
 * @param receivedAt when the request arrived
 */
public record RecordedFinding(String sessionId, long sequence, int ordinal, EventType eventType, Instant receivedAt,
        Finding finding) {
}
