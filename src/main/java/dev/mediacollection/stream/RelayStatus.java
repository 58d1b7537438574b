package dev.mediacollection.stream;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a relay stands, as readiness shows it.
 *
 * @param destination    its destination's name
 * @param relaying       whether this instance holds the destination's lease (one instance relays at a time)
 * @param pending        entries waiting, at the last look
 * @param oldestAge      how long the oldest of them had waited then
 * @param failuresInARow rounds failed since the last one that succeeded
 * @param lastFailure    why the last failed round failed, while failures go on
 */
public record RelayStatus(String destination, boolean relaying, long pending, Duration oldestAge,
        int failuresInARow, Optional<String> lastFailure) {
}
