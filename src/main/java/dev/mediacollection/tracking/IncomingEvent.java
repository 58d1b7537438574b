package dev.mediacollection.tracking;

import java.util.List;

import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Finding;

/**
 * A tracking request the validation profile accepted, as the API hands it over.
 *
 * @param type     its {@code eventType}
 * @param playhead {@code playerTime.playhead}
 * @param ts       {@code playerTime.ts}
 * @param body     the request (or batch element) exactly as received
 * @param findings the rules it broke that the profile keeps rather than refuses
 */
public record IncomingEvent(EventType type, double playhead, long ts, String body, List<Finding> findings) {

    public IncomingEvent {
        findings = List.copyOf(findings);
    }
}
