package dev.mediacollection.session;

import java.time.Duration;

/**
 * The times the lifecycle rules count on the server's clock.
 *
 * @param idle       an open session expires without any event for this long
 * @param stalled    an open session expires without a change of playhead for this long
 * @param lateEvents for this long after a {@code sessionEnd} arrived, an event that happened before it is still kept
 */
public record SessionTimeouts(Duration idle, Duration stalled, Duration lateEvents) {
}
