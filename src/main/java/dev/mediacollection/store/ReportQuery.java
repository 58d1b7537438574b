package dev.mediacollection.store;

import java.time.Instant;
import java.util.Optional;

import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionState;

/**
 * Which sessions a report adds up, and by what. Empty filters match everything.
 *
 * @param groupBy what the rows are
 * @param from    sessions opened at or after this time
 * @param to      sessions opened before this time
 */
public record ReportQuery(ReportDimension groupBy, Optional<Instant> from, Optional<Instant> to,
        Optional<SessionState> state, Optional<String> mediaId, Optional<String> playerName,
        Optional<String> channel, Optional<String> contentType) {

    /** Whether a session is one the report adds up (for stores that filter in code). */
    public boolean matches(Session session) {
        Instant created = session.createdAt();
        return from.map(start -> !created.isBefore(start)).orElse(true)
                && to.map(created::isBefore).orElse(true)
                && state.map(wanted -> wanted == session.lifecycle().state()).orElse(true)
                // A session kept without a param (a validation profile may keep one) matches no value of it.
                && mediaId.map(wanted -> wanted.equals(session.mediaId())).orElse(true)
                && playerName.map(wanted -> wanted.equals(session.playerName())).orElse(true)
                && channel.map(wanted -> wanted.equals(session.channel())).orElse(true)
                && contentType.map(wanted -> wanted.equals(session.contentType())).orElse(true);
    }
}
