package dev.mediacollection.store;

import java.time.Instant;
import java.util.Optional;

import dev.mediacollection.session.ReceivedEvent;

/**
 * One thing the store promised to relay.
 *
 * @param position  its place in the outbox: larger for later writes of the same session
 * @param sessionId the session it is about
 * @param kind      what happened
 * @param sequence  {@link Kind#EVENT}: the event's sequence number; {@link Kind#OPENED}: 0 (the
 *                  {@code sessionStart}); {@link Kind#DOWNLOADED} and {@link Kind#CLOSED}: how many events the
 *                  session had then (its events up to this sequence are the downloaded ones, or those the final
 *                  metrics cover)
 * @param createdAt when the write was made
 * @param request   the request it announces: the {@code sessionStart} ({@code OPENED}, {@code DOWNLOADED}) or the
 *                  event ({@code EVENT}); empty for {@code CLOSED}
 */
public record OutboxEntry(long position, String sessionId, Kind kind, long sequence, Instant createdAt,
        Optional<ReceivedEvent> request) {

    /** What an entry announces. */
    public enum Kind {
        /** A live session was opened. */
        OPENED,
        /** An event was added to a session. */
        EVENT,
        /** A downloaded session arrived whole, with its events. */
        DOWNLOADED,
        /** A session stopped taking events (its cause is the session's). */
        CLOSED
    }
}
