package dev.mediacollection.store;

import java.util.Optional;

/**
 * A page of one session's events.
 *
 * @param byTs  in {@code ts} order (arrival order breaking ties) rather than arrival order
 * @param after a page starts after this position, the previous page's last event
 * @param limit at most this many
 */
public record EventQuery(String sessionId, boolean byTs, Optional<Position> after, int limit) {

    /** Where a page of events ends: {@code ts} matters only in {@code ts} order. */
    public record Position(long ts, long sequence) {
    }
}
