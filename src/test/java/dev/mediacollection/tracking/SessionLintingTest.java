package dev.mediacollection.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mediacollection.config.CollectorConfig;
import dev.mediacollection.lint.AdPingInterval;
import dev.mediacollection.session.CloseCause;
import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Finding;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionIds;
import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.store.StoreObserver;
import dev.mediacollection.store.jdbc.GroupCommitSettings;
import dev.mediacollection.store.jdbc.JdbcSessionStore;
import dev.mediacollection.store.jdbc.JdbcStores;
import dev.mediacollection.support.TestClock;

/**
 * When the background check looks at a session again, on the embedded store, its time driven by a clock: when it
 * doubled, grew by a quarter and waited the longest delay, or closed; a run works only its share of the interval. What the rules find is the same whether a check read a session whole or only its new events.
 */
class SessionLintingTest {

    private static final Instant T0 = TestClock.START;
    private static final Duration MAX_DELAY = Duration.ofSeconds(60);
    private static final String RULE = "ad-start-outside-break";

    @TempDir
    Path dataDir;

    private final TestClock clock = new TestClock();
    private final List<Finding> counted = new ArrayList<>();
    private JdbcSessionStore store;

    @AfterEach
    void close() {
        store.close();
    }

    private SessionLinting linting(Duration interval, int cacheEvents) {
        store = JdbcStores.embedded(dataDir, new SessionTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(30),
                Duration.ofSeconds(5)), new GroupCommitSettings(1, 256, Duration.ofMillis(1), 10_000), 2,
                StoreObserver.NONE);
        return new SessionLinting(store, new CountingObserver(), clock, new Lint(interval, cacheEvents));
    }

    private String open() {
        String body = "{\"eventType\":\"sessionStart\",\"playerTime\":{\"playhead\":0,\"ts\":" + T0.toEpochMilli()
                + "},\"params\":{\"media.length\":3600,\"media.playerName\":\"test-player\"}}";
        Session session = new Session(SessionIds.next(), T0, new ReceivedEvent(EventType.SESSION_START, 0,
                T0.toEpochMilli(), T0, body), "video", "test-player", null, "vod", Lifecycle.opened(T0, 0));
        store.create(session).toCompletableFuture().join();
        return session.id();
    }

    /** Appends events of {@code type}, each 10 s of playback after the session's previous one. */
    private void send(String sessionId, EventType type, int count) {
        for (int i = 0; i < count; i++) {
            long events = store.find(sessionId).toCompletableFuture().join().orElseThrow().eventCount();
            Instant ts = T0.plusSeconds(10 * (events + 1));
            store.append(sessionId, new ReceivedEvent(type, 10 * (events + 1), ts.toEpochMilli(), clock.instant(),
                    "{}")).toCompletableFuture().join();
        }
    }

    private long found(String sessionId) {
        return store.sessionFindings(sessionId).toCompletableFuture().join().stream()
                .filter(finding -> finding.rule().equals(RULE)).count();
    }

    @ParameterizedTest(name = "events kept in memory: {0}")
    @ValueSource(ints = { 0, 1_000 })
    void anOpenSessionIsCheckedAgainWhenItDoublesOrAQuarterMoreWaitedTheLongestDelayAndWhenItCloses(int cacheEvents) {
        SessionLinting linting = linting(Duration.ofSeconds(5), cacheEvents);
        boolean remembered = cacheEvents > 0;
        String session = open();
        send(session, EventType.PLAY, 1);
        send(session, EventType.PING, 7);
        linting.changed(session);
        assertThat(linting.run()).isEqualTo(1);
        assertThat(found(session)).isZero();

        send(session, EventType.AD_START, 1);
        linting.changed(session);
        if (remembered) {
            assertThat(linting.run()).as("9 events after 8").isZero();
            clock.advance(MAX_DELAY);
            assertThat(linting.run()).as("9 events after 8, the longest delay passed").isZero();
            assertThat(found(session)).isZero();
            send(session, EventType.PING, 1);
            linting.changed(session);
            assertThat(linting.run()).as("10 events after 8, the longest delay passed").isEqualTo(1);
        } else {
            assertThat(linting.run()).as("a session not kept in memory is read whole at once").isEqualTo(1);
        }
        assertThat(found(session)).isEqualTo(1);

        long seen = store.find(session).toCompletableFuture().join().orElseThrow().eventCount();
        send(session, EventType.AD_START, 1);
        send(session, EventType.PING, (int) seen - 1);
        linting.changed(session);
        if (remembered) {
            assertThat(linting.run()).as("%d events after %d", 2 * seen, seen).isZero();
            send(session, EventType.PING, 1);
            linting.changed(session);
        }
        assertThat(linting.run()).as("doubled, within the longest delay").isEqualTo(1);
        assertThat(found(session)).isEqualTo(2);

        send(session, EventType.AD_START, 1);
        send(session, EventType.SESSION_END, 1);
        linting.changed(session);
        assertThat(linting.run()).as("a session that closed is checked at once").isEqualTo(1);
        assertThat(found(session)).isEqualTo(3);
        assertThat(counted).as("each finding counted once, when first found").extracting(Finding::rule)
                .filteredOn(RULE::equals).hasSize(3);

        linting.changed(session);
        assertThat(linting.run()).as("a closed session checked once more reads as before").isEqualTo(1);
        assertThat(found(session)).isEqualTo(3);
    }

    @Test
    void aSessionWithNothingNewIsNotCheckedAgain() {
        SessionLinting linting = linting(Duration.ofSeconds(5), 1_000);
        String session = open();
        send(session, EventType.AD_START, 1);
        linting.changed(session);
        assertThat(linting.run()).isEqualTo(1);

        linting.changed(session);
        clock.advance(MAX_DELAY);
        assertThat(linting.run()).isZero();
        assertThat(linting.run()).as("nor kept waiting for a later run").isZero();
        assertThat(found(session)).isEqualTo(1);
    }

    @Test
    void aRunWorksOnlyItsShareOfTheIntervalAndLeavesTheRestInTheOrderQueued() {
        SessionLinting linting = linting(Duration.ZERO, 1_000);
        List<String> sessions = List.of(open(), open(), open());
        for (String session : sessions) {
            send(session, EventType.AD_START, 1);
            linting.changed(session);
        }

        for (int run = 0; run < sessions.size(); run++) {
            assertThat(linting.run()).as("a run with no time to work still checks one").isEqualTo(1);
            for (int i = 0; i < sessions.size(); i++) {
                assertThat(found(sessions.get(i))).as("session %d after run %d", i, run).isEqualTo(i <= run ? 1 : 0);
            }
        }
        assertThat(linting.run()).isZero();
    }

    @Test
    void sessionsAnExpirySweepClosedAreCheckedAfterThoseQueuedOneByOneInTheOrderTheyWereHandedOver() {
        SessionLinting linting = linting(Duration.ZERO, 1_000);
        for (int i = 0; i < 3; i++) {
            send(open(), EventType.AD_START, 1);
        }
        List<String> expired = new ArrayList<>();
        store.expireSessions(T0.plus(Duration.ofMinutes(11)), write -> {
            expired.addAll(write.ids());
            linting.expired(write.ids());
        }).toCompletableFuture().join();
        String changed = open();
        send(changed, EventType.AD_START, 1);
        linting.changed(changed);

        assertThat(linting.run()).as("a run with no time to work checks one").isEqualTo(1);
        assertThat(found(changed)).isEqualTo(1);
        for (int run = 0; run < expired.size(); run++) {
            assertThat(linting.run()).isEqualTo(1);
            for (int i = 0; i < expired.size(); i++) {
                assertThat(found(expired.get(i))).as("session %d after run %d", i, run).isEqualTo(i <= run ? 1 : 0);
            }
        }
        assertThat(linting.run()).isZero();
    }

    @Test
    void aSessionGoneFromTheStoreIsForgotten() {
        SessionLinting linting = linting(Duration.ofSeconds(5), 1_000);
        linting.changed(SessionIds.next());
        assertThat(linting.run()).isZero();
        assertThat(linting.run()).isZero();
    }

    private final class CountingObserver implements TrackingObserver {
        @Override
        public void sessionsClosed(CloseCause cause, int count) {
        }

        @Override
        public void swept(long nanos, boolean succeeded) {
        }

        @Override
        public void openSessions(long count) {
        }

        @Override
        public void findingsKept(List<Finding> findings) {
            counted.addAll(findings);
        }
    }

    private record Lint(Duration interval, int cacheEvents) implements CollectorConfig.Lint {
        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public Duration maxDelay() {
            return MAX_DELAY;
        }

        @Override
        public Optional<Set<String>> disabledRules() {
            return Optional.empty();
        }

        @Override
        public AdPingInterval adPingInterval() {
            return AdPingInterval.AUTO;
        }
    }
}
