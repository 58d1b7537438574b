package dev.mediacollection.session;

import java.time.Instant;
import java.util.List;

/**
 * One tracking request as the player sent it.
 *
 * @param type       its {@code eventType}
 * @param playhead   {@code playerTime.playhead}, seconds into the main content
 * @param ts         {@code playerTime.ts}, device time in epoch milliseconds
 * @param receivedAt when this service received it
 * @param body       the request (or batch element) exactly as received, UTF-8 JSON, unknown keys included
 * @param findings   the rules it broke that were kept rather than refused, in the order they were found
 */
public record ReceivedEvent(EventType type, double playhead, long ts, Instant receivedAt, String body,
        List<Finding> findings) {

    public ReceivedEvent {
        findings = List.copyOf(findings);
    }

    /** A request that broke no rule. */
    public ReceivedEvent(EventType type, double playhead, long ts, Instant receivedAt, String body) {
        this(type, playhead, ts, receivedAt, body, List.of());
    }

    /** The same request with these findings (as read back with it). */
    public ReceivedEvent withFindings(List<Finding> kept) {
        return new ReceivedEvent(type, playhead, ts, receivedAt, body, kept);
    }
}
