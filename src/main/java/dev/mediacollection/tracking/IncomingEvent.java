package dev.mediacollection.tracking;

import dev.mediacollection.session.EventType;

/**
 * A valid tracking request, as the API hands it over.
 *
 * @param type     its {@code eventType}
 * @param playhead {@code playerTime.playhead}
 * @param ts       {@code playerTime.ts}
 * @param body     the request (or batch element) exactly as received
 */
public record IncomingEvent(EventType type, double playhead, long ts, String body) {
}
