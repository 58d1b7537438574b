package dev.mediacollection.store.jdbc;

import java.time.Duration;

/**
 * How writes are grouped into commits.
 *
 * @param writers       concurrent writer connections (the embedded store always has one)
 * @param maxBatch      most writes in one commit
 * @param maxDelay      how long a writer waits for more writes once it has one
 * @param queueCapacity writes that may wait; beyond it writes are refused (503) rather than queued without bound
 */
public record GroupCommitSettings(int writers, int maxBatch, Duration maxDelay, int queueCapacity) {
}
