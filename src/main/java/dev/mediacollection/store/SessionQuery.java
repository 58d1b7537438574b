package dev.mediacollection.store;

import java.time.Instant;
import java.util.Optional;

import dev.mediacollection.session.SessionState;

/**
 * Which sessions to list, newest first ({@code createdAt}, then id, descending). Empty filters match everything.
 *
 * @param hasFindings only sessions with at least one finding ({@code true}) or with none ({@code false})
 * @param after       a page starts after this position: the creation time and id of the previous page's last session
 * @param limit       at most this many
 */
public record SessionQuery(Optional<SessionState> state, Optional<String> mediaId, Optional<String> playerName,
        Optional<Instant> createdFrom, Optional<Instant> createdTo, Optional<Boolean> hasFindings,
        Optional<Position> after, int limit) {

    /** Where a page of sessions ends. */
    public record Position(Instant createdAt, String id) {
    }
}
