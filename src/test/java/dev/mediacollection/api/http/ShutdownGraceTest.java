package dev.mediacollection.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The shutdown grace, on a test clock: the time a stopping service still takes requests. */
class ShutdownGraceTest {

    private static final Duration GRACE = Duration.ofSeconds(5);

    /** A clock that moves only when the grace sleeps, calling back whoever plays the traffic meanwhile. */
    private static final class TestTime {
        long now = 1_000_000_000L;
        Runnable traffic = () -> {
        };

        void sleep(Duration duration) {
            now += duration.toNanos();
            traffic.run();
        }
    }

    @Test
    void anIdleServiceStopsAtOnce() throws InterruptedException {
        TestTime time = new TestTime();
        ShutdownGrace grace = new ShutdownGrace(() -> time.now, time::sleep);
        long started = time.now;

        grace.await(GRACE);

        assertThat(Duration.ofNanos(time.now - started)).isZero();
    }

    @Test
    void theGraceEndsOnceRequestsStopComingForTheQuietPeriod() throws InterruptedException {
        TestTime time = new TestTime();
        ShutdownGrace grace = new ShutdownGrace(() -> time.now, time::sleep);
        long started = time.now;
        long lastRequest = started + Duration.ofMillis(700).toNanos();
        time.traffic = () -> {
            if (time.now <= lastRequest) {
                grace.requested();
            }
        };
        grace.requested();

        grace.await(GRACE);

        assertThat(Duration.ofNanos(time.now - started))
                .isGreaterThanOrEqualTo(Duration.ofMillis(700).plus(ShutdownGrace.QUIET))
                .isLessThan(Duration.ofMillis(700).plus(ShutdownGrace.QUIET).multipliedBy(2));
    }

    @Test
    void requestsThatNeverStopAreTakenForTheGraceAndNoLonger() throws InterruptedException {
        TestTime time = new TestTime();
        ShutdownGrace grace = new ShutdownGrace(() -> time.now, time::sleep);
        long started = time.now;
        time.traffic = grace::requested;
        grace.requested();

        grace.await(GRACE);

        assertThat(Duration.ofNanos(time.now - started)).isEqualTo(GRACE);
    }
}
