package dev.mediacollection.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where a relay stands with each session, for a destination that takes a session's entries one after another and
 * answers each (the upstream Media Collection API): what the destination calls the session, failed attempts and when
 * to try again, and whether the session is settled for good (refused, or left out). Each entry's outcome is written
 * in one transaction with its removal from the {@link Outbox}, so that an entry the destination acknowledged is
 * never delivered again, whatever happens to the relay afterwards.
 *
 * <p>While a session is held back ({@link SessionRelay#retryAt()} in the future), {@link Outbox#pending} leaves its
 * entries out: a session that keeps failing never holds up the others.
 */
public interface RelayLedger {

    /** How the destination stands with each of these sessions that it has a record of. */
    CompletionStage<Map<String, SessionRelay>> sessions(String destination, Collection<String> sessionIds);

    /**
     * The destination acknowledged the entry: it leaves the outbox, the session's failed attempts are forgotten, and
     * {@code remoteId} (when the destination named the session) is kept.
     */
    CompletionStage<Void> delivered(String destination, OutboxEntry entry, Optional<String> remoteId, Instant at);

    /**
     * An attempt at the session's next entry failed and will be tried again: the session's entries wait in the outbox
     * until {@code retryAt}.
     */
    CompletionStage<Void> failed(String destination, String sessionId, int attempts, Instant retryAt, String reason,
            Instant at);

    /**
     * The session is settled for good ({@link SessionRelay.Outcome#REFUSED} or {@link SessionRelay.Outcome#EXCLUDED},
     * saying why in {@code detail}): the entry leaves the outbox, and none of the session's later entries is delivered.
     */
    CompletionStage<Void> settled(String destination, OutboxEntry entry, SessionRelay.Outcome outcome, String detail,
            Instant at);

    /**
     * Where the destination stands with one session, for inspection: its record, and how many of its entries still
     * wait in the outbox. Empty when the session has neither: nothing of it was ever meant for the destination.
     */
    CompletionStage<Optional<RelayStanding>> standing(String destination, String sessionId);

    /**
     * @param relay   the destination's record of the session, if it has one yet
     * @param waiting the session's entries still in the outbox for the destination
     */
    record RelayStanding(Optional<SessionRelay> relay, long waiting) {
    }
}
