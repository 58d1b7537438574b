package dev.mediacollection.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A page of findings across sessions, newest first: by their request's arrival, then session id, sequence and
 * place in the request, each descending.
 *
 * @param after a page starts after this position, the previous page's last finding
 * @param limit at most this many
 */
public record FindingQuery(Optional<Position> after, int limit) {

    /** Where a page of findings ends. */
    public record Position(Instant receivedAt, String sessionId, long sequence, int ordinal) {
    }
}
