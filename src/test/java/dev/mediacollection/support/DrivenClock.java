package dev.mediacollection.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The service's clock for tests that drive time instead of sleeping: it starts at the real time, to the millisecond
 * like the service's own clock ({@code config.Clocks}), and moves only when a test moves it. A test profile puts it in
 * place of the real clock by listing it in {@code getEnabledAlternatives()}; elsewhere it is not used.
 */
@Alternative
@Singleton
public class DrivenClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.MILLIS));

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves the clock forward; every request from now on arrives that much later. */
    public void advance(Duration by) {
        now.updateAndGet(instant -> instant.plus(by));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The service's clock is UTC");
    }
}
