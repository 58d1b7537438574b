package dev.mediacollection.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A relay's record of one session (see {@link RelayLedger}).
 *
 * @param sessionId   the session
 * @param outcome     whether its entries are still relayed
 * @param remoteId    what the destination calls the session (the upstream's session id), once it said
 * @param attempts    failed attempts at its next entry since the last one delivered
 * @param retryAt     until when its entries wait after a failed attempt; empty when they do not
 * @param lastFailure why the last of those attempts failed
 * @param detail      {@code REFUSED}: what the destination answered; {@code EXCLUDED}: why the session is left out
 * @param updatedAt   when the record last changed
 */
public record SessionRelay(String sessionId, Outcome outcome, Optional<String> remoteId, int attempts,
        Optional<Instant> retryAt, Optional<String> lastFailure, Optional<String> detail, Instant updatedAt) {

    /** Whether the session's entries go on to the destination. */
    public enum Outcome {
        /** They do, in order. */
        RELAYING,
        /** The destination refused one: none of the later ones is delivered. */
        REFUSED,
        /** A filter left the session out: nothing of it is delivered. */
        EXCLUDED
    }
}
