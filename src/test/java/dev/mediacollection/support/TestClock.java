package dev.mediacollection.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service's clock in the tests that drive time: it stands still until the test moves it, so that a timeout runs
 * out at the instant the test says, and every time the service records is known. Active only under a {@link Driven}
 * profile; everywhere else the service keeps its real clock ({@code config.Clocks}).
 */
@Alternative
@Singleton
public class TestClock extends Clock {

    /** Where the clock of a fresh application stands: a whole second, easy to read in a failure. */
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);

    /**
     * The profile of a test that drives time: this clock instead of the real one, and no sweep on a schedule (the
     * test runs the sweep when it wants one). Each test class extends it with a class of its own, so that each gets
     * an application, and a data directory, of its own.
     */
    public abstract static class Driven implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(TestClock.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "false");
        }
    }

    /** Moves the clock forward; returns where it stands now. */
    public Instant advance(Duration by) {
        return now.updateAndGet(instant -> instant.plus(by));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The service reads instants only; a clock in another zone would be a second clock to keep in step. */
    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The test clock keeps UTC only");
    }
}
