package dev.mediacollection.lint;

import java.time.Instant;

/**
 * The same viewer's latest earlier session of the same content, as the check last read it: what tells whether a new
 * session continues it.
 *
 * @param sessionId    its id
 * @param lastEventAt  when its last event arrived
 * @param lastPlayhead its playhead at its last event in processing order
 * @param completed    whether it sent {@code sessionComplete} (the content played to its end)
 */
public record EarlierViewing(String sessionId, Instant lastEventAt, double lastPlayhead, boolean completed) {
}
