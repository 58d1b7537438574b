package dev.mediacollection.stream.upstream;

import java.util.List;
import java.util.Optional;

import dev.mediacollection.store.OutboxEntry;

/**
 * Which sessions are relayed upstream. Asked once per session, on the entry that opens it upstream: its
 * {@code sessionStart}, live or downloaded. A session left out is not sent at all, and its inspection says why.
 */
@FunctionalInterface
public interface SessionFilter {

    /** Relays every session. */
    SessionFilter ALL = opening -> Optional.empty();

    /** Why the session this entry opens is left out, or empty when it is relayed. */
    Optional<String> exclusion(OutboxEntry opening);

    /** Relays a session only when each of these filters does; says the first one's reason otherwise. */
    static SessionFilter allOf(List<SessionFilter> filters) {
        return opening -> filters.stream().map(filter -> filter.exclusion(opening)).flatMap(Optional::stream)
                .findFirst();
    }
}
