package dev.mediacollection.session;

import java.time.Instant;

/**
 * One tracking request as the player sent it.
 *
 * @param eventType  the {@code eventType} of the body
 * @param playhead   {@code playerTime.playhead}, seconds into the main content
 * @param ts         {@code playerTime.ts}, device time in epoch milliseconds
 * @param receivedAt when this service received it
 * @param body       the request body exactly as received (UTF-8 JSON), unknown keys included
 */
public record ReceivedEvent(String eventType, double playhead, long ts, Instant receivedAt, String body) {
}
