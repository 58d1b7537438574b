package dev.mediacollection.session;

import java.time.Duration;

/**
 * When an open session expires.
 *
 * @param idle    without any event
 * @param stalled without a change of playhead
 */
public record SessionTimeouts(Duration idle, Duration stalled) {
}
