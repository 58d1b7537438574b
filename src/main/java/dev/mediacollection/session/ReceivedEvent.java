package dev.mediacollection.session;

import java.time.Instant;

/**
 * One tracking request as the player sent it.
 *
 * @param type       its {@code eventType}
 * @param playhead   {@code playerTime.playhead}, seconds into the main content
 * @param ts         {@code playerTime.ts}, device time in epoch milliseconds
 * @param receivedAt when this service received it
 * @param body       the request (or batch element) exactly as received, UTF-8 JSON, unknown keys included
 */
public record ReceivedEvent(EventType type, double playhead, long ts, Instant receivedAt, String body) {
}
