package dev.mediacollection.store;

import java.time.Instant;
import java.util.Optional;

/**
 * What waits in the outbox for one destination.
 *
 * @param pending  how many entries
 * @param oldestAt when the oldest of them was written; empty when none waits
 */
public record OutboxBacklog(long pending, Optional<Instant> oldestAt) {
}
