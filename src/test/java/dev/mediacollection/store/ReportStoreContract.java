package dev.mediacollection.store;

import static dev.mediacollection.store.SessionStoreContract.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import dev.mediacollection.metrics.MediaMetrics;
import dev.mediacollection.metrics.MetricTotals;
import dev.mediacollection.metrics.MetricsCalculator;
import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionIds;
import dev.mediacollection.session.SessionState;
import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.session.StoredEvent;
import dev.mediacollection.session.StoredSession;

/**
 * What every {@link SessionStore} must do for reports: keep closed sessions' metrics, say which closed sessions still
 * lack them, and add sessions up by group, stored ones by the store, the others replayed. Each adapter's test
 * extends this class.
 */
public abstract class ReportStoreContract {

    static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    static final SessionTimeouts TIMEOUTS = new SessionTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(30),
            Duration.ofSeconds(5));

    /** A new, empty store. */
    protected abstract SessionStore newStore(SessionTimeouts timeouts);

    /** The real computation, counting the sessions it is asked for. */
    private final AtomicInteger replayed = new AtomicInteger();
    private final BiFunction<Session, List<StoredEvent>, MediaMetrics> replay = (session, events) -> {
        replayed.incrementAndGet();
        return MetricsCalculator.of(session, events);
    };

    /** A session of a 100-second video, opened at {@code at}. */
    static Session session(Instant at, String mediaId, String playerName, String channel, String contentType) {
        String start = "{\"eventType\":\"sessionStart\",\"playerTime\":{\"playhead\":0,\"ts\":" + at.toEpochMilli()
                + "},\"params\":{\"media.id\":\"" + mediaId + "\",\"media.playerName\":\"" + playerName
                + "\",\"media.channel\":\"" + channel + "\",\"media.contentType\":\"" + contentType
                + "\",\"media.length\":100}}";
        return new Session(SessionIds.next(), at,
                new ReceivedEvent(EventType.SESSION_START, 0, at.toEpochMilli(), at, start), mediaId, playerName,
                channel, contentType, Lifecycle.opened(at, 0));
    }

    static Session session(Instant at) {
        return session(at, "video", "web", "sports", "vod");
    }

    static ReceivedEvent event(EventType type, double playhead, Instant at) {
        return new ReceivedEvent(type, playhead, at.toEpochMilli(), at, "{\"eventType\":\"" + type.wireName()
                + "\",\"playerTime\":{\"playhead\":" + playhead + ",\"ts\":" + at.toEpochMilli() + "}}");
    }

    /** Opens the session, plays {@code seconds} of content and, if {@code end}, ends it. */
    static void play(SessionStore store, Session session, int seconds, boolean end) {
        Instant at = session.createdAt();
        await(store.create(session));
        await(store.append(session.id(), event(EventType.PLAY, 0, at)));
        await(store.append(session.id(), event(EventType.PING, seconds, at.plusSeconds(seconds))));
        if (end) {
            await(store.append(session.id(), event(EventType.SESSION_END, seconds, at.plusSeconds(seconds))));
        }
    }

    private static ReportQuery query(ReportDimension groupBy, UnaryOperator<ReportQuery> filters) {
        return filters.apply(new ReportQuery(groupBy, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private static ReportQuery all(ReportDimension groupBy) {
        return query(groupBy, q -> q);
    }

    private Map<String, MetricTotals> report(SessionStore store, ReportQuery query) {
        return await(store.report(query, replay));
    }

    /** Stores the metrics of every session that closed by {@code closedBy}, as the finaliser does. */
    private static int finalise(SessionStore store, Instant closedBy) {
        int stored = 0;
        for (StoredSession awaiting : await(store.awaitingMetrics(closedBy, 1_000))) {
            List<StoredEvent> events = await(store.events(awaiting.session().id()));
            if (await(store.storeMetrics(awaiting.session().id(), events.size(),
                    MetricsCalculator.of(awaiting.session(), events)))) {
                stored++;
            }
        }
        return stored;
    }

    private static Map<String, Map<String, Number>> figures(Map<String, MetricTotals> report) {
        return report.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                group -> group.getValue().figures()));
    }

    private static List<String> ids(List<StoredSession> sessions) {
        return sessions.stream().map(stored -> stored.session().id()).toList();
    }

    // --- the finaliser's work -----------------------------------------------------------------------------------

    @Test
    void closedSessionsAwaitTheirMetricsUntilStoredOpenOnesNever() {
        SessionStore store = newStore(TIMEOUTS);
        Session ended = session(T0);
        Session open = session(T0);
        play(store, ended, 10, true);
        play(store, open, 10, false);

        assertThat(ids(await(store.awaitingMetrics(T0.plusSeconds(60), 10)))).containsExactly(ended.id());

        MediaMetrics metrics = MetricsCalculator.of(await(store.find(ended.id())).orElseThrow().session(),
                await(store.events(ended.id())));
        assertThat(await(store.storeMetrics(ended.id(), 3, metrics))).isTrue();
        assertThat(await(store.awaitingMetrics(T0.plusSeconds(60), 10))).isEmpty();
    }

    @Test
    void sessionsAreAwaitedOnceClosedByTheCutoffThoseClosedFirstFirst() {
        SessionStore store = newStore(TIMEOUTS);
        Session later = session(T0);
        Session earlier = session(T0);
        Session last = session(T0);
        play(store, later, 20, true);
        play(store, earlier, 10, true);
        play(store, last, 30, true);

        assertThat(ids(await(store.awaitingMetrics(T0.plusSeconds(20), 10))))
                .containsExactly(earlier.id(), later.id());
        assertThat(ids(await(store.awaitingMetrics(T0.plusSeconds(60), 2))))
                .containsExactly(earlier.id(), later.id());
        assertThat(ids(await(store.awaitingMetrics(T0.plusSeconds(9), 10)))).isEmpty();
    }

    @Test
    void expiredSessionsAreAwaitedToo() {
        SessionStore store = newStore(TIMEOUTS);
        Session idle = session(T0);
        play(store, idle, 10, false);

        await(WholeSweep.expire(store, T0.plus(Duration.ofMinutes(11))));

        assertThat(ids(await(store.awaitingMetrics(T0.plus(Duration.ofMinutes(11)), 10))))
                .containsExactly(idle.id());
    }

    @Test
    void metricsOfOtherEventsThanTheSessionHasAreNotStored() {
        SessionStore store = newStore(TIMEOUTS);
        Session ended = session(T0);
        Session open = session(T0);
        play(store, ended, 10, true);
        play(store, open, 10, false);
        MediaMetrics metrics = MetricsCalculator.of(ended, List.of());

        assertThat(await(store.storeMetrics(ended.id(), 2, metrics))).isFalse();
        assertThat(await(store.storeMetrics(open.id(), 2, metrics))).isFalse();
        assertThat(await(store.storeMetrics(SessionIds.next(), 0, metrics))).isFalse();

        assertThat(ids(await(store.awaitingMetrics(T0.plusSeconds(60), 10)))).containsExactly(ended.id());
        assertThat(figures(report(store, all(ReportDimension.MEDIA_ID))).get("video"))
                .containsEntry("sessions", 2L).containsEntry("contentTimeSpent", 20.0);
    }

    @Test
    void aLateEventDropsTheStoredMetricsUntilTheSessionIsFinalisedAgain() {
        SessionStore store = newStore(TIMEOUTS);
        Session ended = session(T0);
        play(store, ended, 10, true);
        assertThat(finalise(store, T0.plusSeconds(60))).isEqualTo(1);
        assertThat(figures(report(store, all(ReportDimension.DAY))).values().iterator().next())
                .containsEntry("contentTimeSpent", 10.0);

        // Sent before the sessionEnd (its ts), arrived two seconds after it: within the late-event window.
        ReceivedEvent pause = new ReceivedEvent(EventType.PAUSE_START, 9, T0.plusSeconds(9).toEpochMilli(),
                T0.plusSeconds(12), "{\"eventType\":\"pauseStart\"}");
        assertThat(await(store.append(ended.id(), pause))).isInstanceOfSatisfying(AppendResult.Appended.class,
                appended -> assertThat(appended.late()).isTrue());

        assertThat(ids(await(store.awaitingMetrics(T0.plusSeconds(60), 10)))).containsExactly(ended.id());
        replayed.set(0);
        Map<String, Number> day = figures(report(store, all(ReportDimension.DAY))).values().iterator().next();
        assertThat(replayed.get()).isEqualTo(1);
        assertThat(day).containsEntry("sessions", 1L).containsEntry("contentTimeSpent", 9.0)
                .containsEntry("totalPauseDuration", 1.0);
        assertThat(finalise(store, T0.plusSeconds(60))).isEqualTo(1);
        assertThat(figures(report(store, all(ReportDimension.DAY))).values().iterator().next()).isEqualTo(day);
    }

    @Test
    void retentionDeletesStoredMetricsWithTheirSession() {
        SessionStore store = newStore(TIMEOUTS);
        Session ended = session(T0);
        play(store, ended, 10, true);
        assertThat(finalise(store, T0.plusSeconds(60))).isEqualTo(1);

        assertThat(await(store.deleteClosedBefore(T0.plusSeconds(60)))).isEqualTo(1);

        assertThat(report(store, all(ReportDimension.DAY))).isEmpty();
    }

    // --- reports --------------------------------------------------------------------------------------------------

    @Test
    void storedMetricsAddUpToWhatReplayingTheSessionsGives() {
        SessionStore store = newStore(TIMEOUTS);
        play(store, session(T0), 10, true);
        play(store, session(T0.plusSeconds(1)), 30, true);
        play(store, session(T0.plusSeconds(2)), 100, true);
        play(store, session(T0.plusSeconds(3)), 40, false);
        Map<String, Map<String, Number>> replayedOnly = figures(report(store, all(ReportDimension.DAY)));
        assertThat(replayed.getAndSet(0)).isEqualTo(4);

        assertThat(finalise(store, T0.plusSeconds(200))).isEqualTo(3);
        Map<String, Map<String, Number>> stored = figures(report(store, all(ReportDimension.DAY)));

        assertThat(replayed.get()).as("sessions replayed once the closed ones are stored").isEqualTo(1);
        assertThat(stored).isEqualTo(replayedOnly);
        assertThat(stored.get("2026-11-26T00:00:00Z"))
                .containsEntry("sessions", 4L)
                .containsEntry("openSessions", 1L)
                .containsEntry("mediaStarts", 4L)
                .containsEntry("contentTimeSpent", 180.0)
                .containsEntry("averageMinuteAudience", 1.8)
                .containsEntry("progress95", 1L)
                .containsEntry("avgContentTimeSpent", 45.0);
    }

    /** A profile may keep a sessionStart without its channel or player name: such sessions are a group of their own. */
    @Test
    void sessionsWithoutTheParamAreOneGroupStoredOrReplayed() {
        SessionStore store = newStore(TIMEOUTS);
        Session configured = session(T0);
        Session named = session(T0.plusSeconds(1));
        Session unnamed = new Session(named.id(), named.createdAt(), named.start(), named.mediaId(), null, null,
                named.contentType(), named.lifecycle());
        play(store, configured, 10, true);
        play(store, unnamed, 30, true);
        Map<String, Map<String, Number>> replayedOnly = figures(report(store, all(ReportDimension.CHANNEL)));

        assertThat(finalise(store, T0.plusSeconds(200))).isEqualTo(2);
        Map<String, Map<String, Number>> stored = figures(report(store, all(ReportDimension.CHANNEL)));

        assertThat(stored).isEqualTo(replayedOnly);
        assertThat(stored).containsOnlyKeys("sports", null);
        assertThat(stored.get(null)).containsEntry("sessions", 1L).containsEntry("contentTimeSpent", 30.0);
        assertThat(figures(report(store, all(ReportDimension.PLAYER_NAME)))).containsOnlyKeys("web", null);
        assertThat(figures(report(store, query(ReportDimension.CHANNEL,
                q -> new ReportQuery(q.groupBy(), q.from(), q.to(), q.state(), q.mediaId(), q.playerName(),
                        Optional.of("sports"), q.contentType()))))).containsOnlyKeys("sports");
    }

    @Test
    void hundredsOfOpenSessionsAreEachReplayedWithTheirOwnEvents() {
        SessionStore store = newStore(TIMEOUTS);
        for (int seconds = 1; seconds <= 450; seconds++) {
            Session session = session(T0.plusMillis(seconds));
            await(store.create(session, List.of(event(EventType.PLAY, 0, T0.plusMillis(seconds)),
                    event(EventType.PING, seconds, T0.plusMillis(seconds).plusSeconds(seconds)))));
        }

        Map<String, Number> day = figures(report(store, all(ReportDimension.DAY))).get("2026-11-26T00:00:00Z");

        assertThat(replayed.get()).isEqualTo(450);
        assertThat(day).containsEntry("sessions", 450L).containsEntry("openSessions", 450L)
                .containsEntry("contentTimeSpent", 450 * 451 / 2.0);
    }

    @Test
    void sessionsAreGroupedByEachDimension() {
        SessionStore store = newStore(TIMEOUTS);
        play(store, session(T0, "video-1", "web", "sports", "vod"), 10, true);
        play(store, session(T0.plus(Duration.ofMinutes(90)), "video-1", "ios", "news", "vod"), 20, true);
        play(store, session(T0.plus(Duration.ofHours(20)), "video-2", "ios", "news", "live"), 30, false);
        finalise(store, T0.plus(Duration.ofDays(2)));

        assertThat(sessionsByKey(store, ReportDimension.MEDIA_ID)).isEqualTo(Map.of("video-1", 2L, "video-2", 1L));
        assertThat(sessionsByKey(store, ReportDimension.PLAYER_NAME)).isEqualTo(Map.of("web", 1L, "ios", 2L));
        assertThat(sessionsByKey(store, ReportDimension.CHANNEL)).isEqualTo(Map.of("sports", 1L, "news", 2L));
        assertThat(sessionsByKey(store, ReportDimension.CONTENT_TYPE)).isEqualTo(Map.of("vod", 2L, "live", 1L));
        assertThat(sessionsByKey(store, ReportDimension.DAY))
                .isEqualTo(Map.of("2026-11-26T00:00:00Z", 2L, "2026-11-27T00:00:00Z", 1L));
        assertThat(sessionsByKey(store, ReportDimension.HOUR)).isEqualTo(Map.of("2026-11-26T09:00:00Z", 1L,
                "2026-11-26T10:00:00Z", 1L, "2026-11-27T05:00:00Z", 1L));
        assertThat(figures(report(store, all(ReportDimension.MEDIA_ID))).get("video-1"))
                .containsEntry("contentTimeSpent", 30.0);
    }

    @Test
    void dayAndHourAreUtcWholeDaysAndHoursOfTheOpeningTime() {
        SessionStore store = newStore(TIMEOUTS);
        play(store, session(Instant.parse("2026-11-26T23:59:59.999Z")), 1, true);
        play(store, session(Instant.parse("2026-11-27T00:00:00Z")), 1, true);
        finalise(store, Instant.parse("2026-11-28T00:00:00Z"));

        assertThat(sessionsByKey(store, ReportDimension.DAY))
                .isEqualTo(Map.of("2026-11-26T00:00:00Z", 1L, "2026-11-27T00:00:00Z", 1L));
        assertThat(sessionsByKey(store, ReportDimension.HOUR))
                .isEqualTo(Map.of("2026-11-26T23:00:00Z", 1L, "2026-11-27T00:00:00Z", 1L));
    }

    @Test
    void filtersSelectTheSessionsAddedUp() {
        SessionStore store = newStore(TIMEOUTS);
        Session first = session(T0, "video-1", "web", "sports", "vod");
        Session second = session(T0.plusSeconds(60), "video-1", "ios", "news", "vod");
        Session third = session(T0.plusSeconds(120), "video-2", "ios", "news", "live");
        play(store, first, 10, true);
        play(store, second, 20, true);
        play(store, third, 30, false);
        finalise(store, T0.plusSeconds(60));

        assertThat(sessions(store, q -> new ReportQuery(q.groupBy(), Optional.of(T0.plusSeconds(60)),
                Optional.of(T0.plusSeconds(120)), q.state(), q.mediaId(), q.playerName(), q.channel(),
                q.contentType()))).isEqualTo(1);
        assertThat(sessions(store, q -> new ReportQuery(q.groupBy(), q.from(), q.to(),
                Optional.of(SessionState.OPEN), q.mediaId(), q.playerName(), q.channel(), q.contentType())))
                .isEqualTo(1);
        assertThat(sessions(store, q -> new ReportQuery(q.groupBy(), q.from(), q.to(), q.state(),
                Optional.of("video-1"), Optional.of("ios"), q.channel(), q.contentType()))).isEqualTo(1);
        assertThat(sessions(store, q -> new ReportQuery(q.groupBy(), q.from(), q.to(), q.state(), q.mediaId(),
                q.playerName(), Optional.of("news"), Optional.of("vod")))).isEqualTo(1);
        assertThat(sessions(store, q -> new ReportQuery(q.groupBy(), q.from(), q.to(), q.state(), q.mediaId(),
                q.playerName(), Optional.of("weather"), q.contentType()))).isZero();
    }

    private long sessions(SessionStore store, UnaryOperator<ReportQuery> filters) {
        return report(store, query(ReportDimension.DAY, filters)).values().stream()
                .mapToLong(MetricTotals::sessions).sum();
    }

    private Map<String, Long> sessionsByKey(SessionStore store, ReportDimension dimension) {
        return report(store, all(dimension)).entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, group -> group.getValue().sessions()));
    }
}
