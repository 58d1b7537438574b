package dev.mediacollection.stream;

import java.time.Duration;

/**
 * How a relay works through its outbox.
 *
 * @param batchSize    most entries taken in one round
 * @param pollInterval how long it waits for new entries once it has caught up (and its first backoff)
 * @param maxBackoff   the longest wait between two attempts while the destination or the store fails
 * @param lease        how long a round's lease lasts: another instance takes over once it ran out unrenewed
 */
public record RelaySettings(int batchSize, Duration pollInterval, Duration maxBackoff, Duration lease) {
}
