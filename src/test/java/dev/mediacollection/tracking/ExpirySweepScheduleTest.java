package dev.mediacollection.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mediacollection.store.SessionStore;
import dev.mediacollection.support.Api;
import dev.mediacollection.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The scheduled sweep, and retention, return only once their run is over, so that the scheduler's {@code SKIP} keeps
 * the next one from starting while it still runs: sweeps that overlapped after an outage read the same sessions and
 * queued their chunks together, and players' writes waited behind all of them.
 */
@QuarkusTest
@TestProfile(ExpirySweepScheduleTest.DrivenTime.class)
class ExpirySweepScheduleTest {

    /** More than one chunk of the SQL stores' sweep (200) and retention (500): a run that returned early is at work. */
    private static final int SESSIONS = 600;

    public static class DrivenTime extends TestClock.Driven {
    }

    @Inject
    TestClock clock;

    @Inject
    ExpirySweep expirySweep;

    @Inject
    SessionStore store;

    @Test
    void aScheduledSweepReturnsOnlyOnceEverySessionItExpiresIsClosed() {
        IntStream.range(0, SESSIONS).forEach(i -> Api.openSession());
        clock.advance(Duration.ofMinutes(10).plusMillis(1));

        expirySweep.scheduledSweep();

        // The application, and its store, are this test's own.
        assertThat(store.countOpenSessions().toCompletableFuture().join()).isZero();
    }

    @Test
    void scheduledRetentionReturnsOnlyOnceEverySessionItDeletesIsGone() {
        List<String> sessions = IntStream.range(0, SESSIONS).mapToObj(i -> Api.openSession()).toList();
        clock.advance(Duration.ofMinutes(10).plusMillis(1));
        expirySweep.scheduledSweep();
        clock.advance(Duration.ofDays(31));

        expirySweep.retention();

        long left = sessions.stream().filter(id -> store.find(id).toCompletableFuture().join().isPresent()).count();
        assertThat(left).isZero();
    }
}
