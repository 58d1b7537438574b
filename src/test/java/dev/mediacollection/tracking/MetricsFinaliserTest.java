package dev.mediacollection.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mediacollection.metrics.MetricTotals;
import dev.mediacollection.metrics.MetricsCalculator;
import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionIds;
import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.store.ReportDimension;
import dev.mediacollection.store.ReportQuery;
import dev.mediacollection.store.StoreObserver;
import dev.mediacollection.store.jdbc.GroupCommitSettings;
import dev.mediacollection.store.jdbc.JdbcSessionStore;
import dev.mediacollection.store.jdbc.JdbcStores;
import dev.mediacollection.support.GroupSizes;

/** The finaliser on the embedded store, its time driven by a clock: what it stores, when, and how much at a time. */
class MetricsFinaliserTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final Duration MARGIN = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    private JdbcSessionStore store;

    private JdbcSessionStore store() {
        store = JdbcStores.embedded(dataDir, new SessionTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(30), MARGIN),
                new GroupCommitSettings(1, 256, Duration.ofMillis(1), 10_000), 2, StoreObserver.NONE);
        return store;
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A finaliser whose runs have all the time they need. */
    private static MetricsFinaliser finaliser(JdbcSessionStore store, Instant now, int batch) {
        return new MetricsFinaliser(store, Clock.fixed(now, ZoneOffset.UTC), batch, MARGIN, Duration.ofHours(1));
    }

    /** A session that plays 10 s from {@code at} and, if {@code end}, ends then. */
    private static String play(JdbcSessionStore store, Instant at, boolean end) {
        String body = "{\"eventType\":\"sessionStart\",\"playerTime\":{\"playhead\":0,\"ts\":" + at.toEpochMilli()
                + "},\"params\":{\"media.length\":60}}";
        Session session = new Session(SessionIds.next(), at, new ReceivedEvent(EventType.SESSION_START, 0,
                at.toEpochMilli(), at, body), "video", "web", "sports", "vod", Lifecycle.opened(at, 0));
        store.create(session).toCompletableFuture().join();
        for (EventType type : end ? List.of(EventType.PLAY, EventType.PING, EventType.SESSION_END)
                : List.of(EventType.PLAY, EventType.PING)) {
            Instant when = type == EventType.PLAY ? at : at.plusSeconds(10);
            store.append(session.id(), new ReceivedEvent(type, type == EventType.PLAY ? 0 : 10, when.toEpochMilli(),
                    when, "{}")).toCompletableFuture().join();
        }
        return session.id();
    }

    private static Map<String, Number> report(JdbcSessionStore store) {
        return store.report(new ReportQuery(ReportDimension.DAY, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                MetricsCalculator::of).toCompletableFuture().join().values().stream()
                .reduce(new MetricTotals(), MetricTotals::add).figures();
    }

    @Test
    void aClosedSessionIsFinalisedOnceTheMarginAfterItClosedHasPassed() {
        JdbcSessionStore store = store();
        play(store, T0, true);
        play(store, T0, false);
        Map<String, Number> computedWhenRead = report(store);

        assertThat(finaliser(store, T0.plusSeconds(19), 100).finalise()).as("closed 9 s before").isZero();
        assertThat(finaliser(store, T0.plusSeconds(20), 100).finalise()).isEqualTo(1);
        assertThat(finaliser(store, T0.plusSeconds(60), 100).finalise()).as("nothing left").isZero();

        assertThat(store.awaitingMetrics(T0.plusSeconds(60), 10).toCompletableFuture().join()).isEmpty();
        assertThat(report(store)).isEqualTo(computedWhenRead).containsEntry("sessions", 2L)
                .containsEntry("openSessions", 1L).containsEntry("contentTimeSpent", 20.0);
    }

    @Test
    void batchAfterBatchUntilNoneIsLeft() {
        JdbcSessionStore store = store();
        for (int i = 0; i < 7; i++) {
            play(store, T0.plusSeconds(i), true);
        }

        assertThat(finaliser(store, T0.plusSeconds(60), 2).finalise()).isEqualTo(7);
        assertThat(store.awaitingMetrics(T0.plusSeconds(60), 10).toCompletableFuture().join()).isEmpty();
    }

    @Test
    void aRunKeepsAFewWritesWaitingAtATimeSoThatAPlayersWriteIsNeverBehindManyOfThem() {
        JdbcSessionStore played = store();
        for (int i = 0; i < 40; i++) {
            play(played, T0.plusSeconds(i), true);
        }
        played.close();
        // Reopened with groups that linger 50 ms for more writes: a run that queued its batch at once would fill one.
        GroupSizes groups = new GroupSizes();
        store = JdbcStores.embedded(dataDir, new SessionTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(30),
                MARGIN), new GroupCommitSettings(1, 256, Duration.ofMillis(50), 10_000), 2, groups);

        assertThat(finaliser(store, T0.plusSeconds(120), 100).finalise()).isEqualTo(40);

        assertThat(groups.committed()).allSatisfy(size -> assertThat(size)
                .isLessThanOrEqualTo(MetricsFinaliser.WRITES_IN_FLIGHT));
    }

    @Test
    void aRunOutOfTimeStopsAfterTheBatchItStartedAndTheNextGoesOn() {
        JdbcSessionStore store = store();
        for (int i = 0; i < 5; i++) {
            play(store, T0.plusSeconds(i), true);
        }
        MetricsFinaliser noTime = new MetricsFinaliser(store, Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC), 2,
                MARGIN, Duration.ZERO);

        assertThat(List.of(noTime.finalise(), noTime.finalise(), noTime.finalise(), noTime.finalise()))
                .containsExactly(2, 2, 1, 0);
    }
}
