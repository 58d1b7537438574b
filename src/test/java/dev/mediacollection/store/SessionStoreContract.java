package dev.mediacollection.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.mediacollection.session.Admission;
import dev.mediacollection.session.CloseCause;
import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Finding;
import dev.mediacollection.session.FindingSummary;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.RecordedFinding;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionIds;
import dev.mediacollection.session.SessionState;
import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.session.StoredEvent;
import dev.mediacollection.session.StoredSession;

/**
 * What every {@link SessionStore} must do, whatever keeps the data. Each adapter's test extends this class and
 * says how to make a fresh, empty store.
 */
public abstract class SessionStoreContract {

    protected static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    protected static final Duration LATE_EVENT_WINDOW = Duration.ofSeconds(5);
    protected static final SessionTimeouts TIMEOUTS = new SessionTimeouts(Duration.ofMinutes(10),
            Duration.ofMinutes(30), LATE_EVENT_WINDOW);

    /** A new, empty store. */
    protected abstract SessionStore newStore(SessionTimeouts timeouts);

    protected SessionStore newStore() {
        return newStore(TIMEOUTS);
    }

    static Session session(Instant at) {
        ReceivedEvent start = event(EventType.SESSION_START, 0, at);
        return new Session(SessionIds.next(), at, start, "video-3194", "html5-player", "sports", "vod",
                Lifecycle.opened(at, 0));
    }

    static Session session(Instant at, String mediaId, String playerName) {
        ReceivedEvent start = event(EventType.SESSION_START, 0, at);
        return new Session(SessionIds.next(), at, start, mediaId, playerName, "sports", "vod",
                Lifecycle.opened(at, 0));
    }

    static ReceivedEvent event(EventType type, double playhead, Instant at) {
        return new ReceivedEvent(type, playhead, at.toEpochMilli(), at,
                "{\"eventType\":\"" + type.wireName() + "\",\"playerTime\":{\"playhead\":" + playhead + ",\"ts\":"
                        + at.toEpochMilli() + "}}");
    }

    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aStoredSessionIsFoundAsStored() {
        SessionStore store = newStore();
        Session session = session(T0);

        await(store.create(session));

        assertThat(await(store.find(session.id()))).contains(new StoredSession(session, 0));
        assertThat(await(store.find(SessionIds.next()))).isEmpty();
        assertThat(await(store.events(session.id()))).isEmpty();
    }

    @Test
    void anIdIsNeverStoredTwice() {
        SessionStore store = newStore();
        Session session = session(T0);
        await(store.create(session));

        Session sameId = new Session(session.id(), T0.plusSeconds(1), event(EventType.SESSION_START, 0, T0),
                "other", "other", "other", "other", Lifecycle.opened(T0, 0));

        assertThatThrownBy(() -> await(store.create(sameId)))
                .hasRootCauseInstanceOf(DuplicateSessionException.class);
        assertThat(await(store.find(session.id()))).contains(new StoredSession(session, 0));
    }

    @Test
    void eventsAreKeptInArrivalOrderWhateverTheirTs() {
        SessionStore store = newStore();
        Session session = session(T0);
        await(store.create(session));
        ReceivedEvent later = new ReceivedEvent(EventType.PING, 10, 2_000, T0.plusSeconds(1), "{\"late\":1}");
        ReceivedEvent earlier = new ReceivedEvent(EventType.PLAY, 0, 1_000, T0.plusSeconds(2), "{\"early\":1}");

        assertThat(await(store.append(session.id(), later))).isEqualTo(
                new AppendResult.Appended(1, Lifecycle.opened(T0, 0).after(later), false));
        assertThat(await(store.append(session.id(), earlier))).isInstanceOf(AppendResult.Appended.class);

        assertThat(await(store.events(session.id())))
                .containsExactly(new StoredEvent(1, later), new StoredEvent(2, earlier));
    }

    @Test
    void anEventForAnUnknownSessionIsNotStored() {
        SessionStore store = newStore();
        String id = SessionIds.next();

        assertThat(await(store.append(id, event(EventType.PLAY, 0, T0))))
                .isEqualTo(new AppendResult.UnknownSession());
        assertThat(await(store.events(id))).isEmpty();
    }

    @Test
    void sessionEndClosesAndLaterEventsAreRefused() {
        SessionStore store = newStore();
        Session session = session(T0);
        await(store.create(session));

        await(store.append(session.id(), event(EventType.SESSION_END, 5, T0.plusSeconds(5))));
        AppendResult refused = await(store.append(session.id(), event(EventType.PING, 5, T0.plusSeconds(6))));

        assertThat(refused).isInstanceOfSatisfying(AppendResult.SessionClosed.class, closed -> {
            assertThat(closed.lifecycle().state()).isEqualTo(SessionState.CLOSED);
            assertThat(closed.lifecycle().closeCause()).isEqualTo(CloseCause.SESSION_END);
            assertThat(closed.lifecycle().closedAt()).isEqualTo(T0.plusSeconds(5));
            assertThat(closed.expiredNow()).isFalse();
            assertThat(closed.refusal()).isEqualTo(Admission.Refusal.AFTER_END);
        });
        assertThat(await(store.events(session.id()))).hasSize(1);
        assertThat(await(store.find(session.id())).orElseThrow().session().lifecycle().state())
                .isEqualTo(SessionState.CLOSED);
    }

    @Test
    void aStoreThatTakesWritesProvesIt() {
        SessionStore store = newStore();

        await(store.proveWritable());
        await(store.proveWritable());

        assertThat(await(store.countOpenSessions())).isZero();
    }

    @Test
    void sessionCompleteKeepsTakingEvents() {
        SessionStore store = newStore();
        Session session = session(T0);
        await(store.create(session));

        await(store.append(session.id(), event(EventType.SESSION_COMPLETE, 60, T0.plusSeconds(60))));
        AppendResult trailing = await(store.append(session.id(), event(EventType.PING, 60, T0.plusSeconds(61))));

        assertThat(trailing).isInstanceOf(AppendResult.Appended.class);
        assertThat(await(store.find(session.id())).orElseThrow().session().lifecycle().state())
                .isEqualTo(SessionState.COMPLETE);
    }

    @Test
    void anEventAfterTheIdleTimeoutExpiresTheSessionAndIsRefused() {
        SessionStore store = newStore();
        Session session = session(T0);
        await(store.create(session));

        AppendResult late = await(store.append(session.id(), event(EventType.PING, 1, T0.plus(Duration.ofMinutes(10)))));

        assertThat(late).isInstanceOfSatisfying(AppendResult.SessionClosed.class, closed -> {
            assertThat(closed.lifecycle().state()).isEqualTo(SessionState.EXPIRED);
            assertThat(closed.lifecycle().closeCause()).isEqualTo(CloseCause.IDLE);
            assertThat(closed.lifecycle().closedAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
            assertThat(closed.expiredNow()).isTrue();
        });
        assertThat(await(store.events(session.id()))).isEmpty();
        AppendResult again = await(store.append(session.id(), event(EventType.PING, 1, T0.plus(Duration.ofMinutes(11)))));
        assertThat(again).isInstanceOfSatisfying(AppendResult.SessionClosed.class,
                closed -> assertThat(closed.expiredNow()).isFalse());
    }

    @Test
    void aPlayheadThatDoesNotMoveExpiresTheSession() {
        SessionStore store = newStore();
        Session session = session(T0);
        await(store.create(session));
        for (int minute = 5; minute < 30; minute += 5) {
            await(store.append(session.id(), event(EventType.PING, 0, T0.plus(Duration.ofMinutes(minute)))));
        }

        AppendResult stalled = await(store.append(session.id(), event(EventType.PING, 0, T0.plus(Duration.ofMinutes(30)))));

        assertThat(stalled).isInstanceOfSatisfying(AppendResult.SessionClosed.class, closed -> {
            assertThat(closed.lifecycle().closeCause()).isEqualTo(CloseCause.STALLED);
            assertThat(closed.lifecycle().closedAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        });
    }

    @Test
    void theSweepExpiresEachTimedOutSessionOnce() {
        SessionStore store = newStore();
        Session idle = session(T0);
        Session active = session(T0);
        Session ended = session(T0);
        await(store.create(idle));
        await(store.create(active));
        await(store.create(ended));
        await(store.append(active.id(), event(EventType.PING, 10, T0.plus(Duration.ofMinutes(9)))));
        await(store.append(ended.id(), event(EventType.SESSION_END, 3, T0.plusSeconds(3))));

        assertThat(await(store.countOpenSessions())).isEqualTo(2);
        assertThat(await(WholeSweep.expire(store, T0.plus(Duration.ofMinutes(11)))))
                .isEqualTo(new ExpiredSessions(1, 0, List.of(idle.id())));
        assertThat(await(store.countOpenSessions())).isEqualTo(1);
        assertThat(await(WholeSweep.expire(store, T0.plus(Duration.ofMinutes(11)))).total()).isZero();

        assertThat(await(store.find(idle.id())).orElseThrow().session().lifecycle())
                .extracting(Lifecycle::state, Lifecycle::closeCause)
                .containsExactly(SessionState.EXPIRED, CloseCause.IDLE);
        assertThat(await(store.find(active.id())).orElseThrow().session().lifecycle().state())
                .isEqualTo(SessionState.OPEN);
        assertThat(await(store.find(ended.id())).orElseThrow().session().lifecycle().closeCause())
                .isEqualTo(CloseCause.SESSION_END);
    }

    @Test
    void aDownloadedSessionIsStoredWithAllItsEvents() {
        SessionStore store = newStore();
        Session session = session(T0);
        Session closed = session.withLifecycle(session.lifecycle().closedAsDownloaded(T0));
        List<ReceivedEvent> events = List.of(event(EventType.PLAY, 0, T0), event(EventType.PING, 50, T0),
                event(EventType.SESSION_END, 60, T0));

        await(store.create(closed, events));

        assertThat(await(store.find(session.id()))).contains(new StoredSession(closed, 3));
        assertThat(await(store.events(session.id()))).extracting(StoredEvent::sequence, StoredEvent::event)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, events.get(0)),
                        org.assertj.core.groups.Tuple.tuple(2L, events.get(1)),
                        org.assertj.core.groups.Tuple.tuple(3L, events.get(2)));
        assertThat(await(store.append(session.id(), event(EventType.PING, 60, T0))))
                .isInstanceOf(AppendResult.SessionClosed.class);
    }

    // --- late events: sent before the sessionEnd, arriving just after it -------------------------------------------

    /** A session that played and ended with {@code sessionEnd} (device time {@code endTs}) arriving at {@code at}. */
    static Session ended(SessionStore store, long endTs, Instant at) {
        Session session = session(T0);
        await(store.create(session));
        await(store.append(session.id(), event(EventType.PLAY, 0, T0.plusSeconds(1))));
        await(store.append(session.id(), new ReceivedEvent(EventType.SESSION_END, 27.4, endTs, at, "{\"end\":1}")));
        return session;
    }

    @Test
    void aLateEventIsKeptWithTheNextSequenceAndTheSessionStaysAsItEnded() {
        SessionStore store = newStore();
        long endTs = T0.plusSeconds(28).toEpochMilli();
        Instant endArrived = T0.plusSeconds(30);
        Session session = ended(store, endTs, endArrived);
        Lifecycle asEnded = await(store.find(session.id())).orElseThrow().session().lifecycle();
        ReceivedEvent pause = new ReceivedEvent(EventType.PAUSE_START, 27.4, endTs - 72,
                endArrived.plus(LATE_EVENT_WINDOW).minusMillis(1), "{\"pause\":1}");

        assertThat(await(store.append(session.id(), pause))).isEqualTo(new AppendResult.Appended(3, asEnded, true));

        StoredSession stored = await(store.find(session.id())).orElseThrow();
        assertThat(stored.eventCount()).isEqualTo(3);
        assertThat(stored.session().lifecycle()).isEqualTo(asEnded);
        assertThat(asEnded).extracting(Lifecycle::state, Lifecycle::closedAt, Lifecycle::closeCause, Lifecycle::endTs)
                .containsExactly(SessionState.CLOSED, endArrived, CloseCause.SESSION_END, endTs);
        assertThat(await(store.events(new EventQuery(session.id(), true, java.util.Optional.empty(), 10))))
                .extracting(StoredEvent::sequence).containsExactly(1L, 3L, 2L);
        assertThat(await(store.events(session.id()))).extracting(StoredEvent::sequence, StoredEvent::event)
                .endsWith(org.assertj.core.groups.Tuple.tuple(3L, pause));
        assertThat(await(store.countOpenSessions())).isZero();
    }

    @Test
    void anEventArrivingOnceTheWindowHasPassedIsRefusedAsTooLate() {
        SessionStore store = newStore();
        long endTs = T0.plusSeconds(28).toEpochMilli();
        Instant endArrived = T0.plusSeconds(30);
        Session session = ended(store, endTs, endArrived);

        AppendResult refused = await(store.append(session.id(), new ReceivedEvent(EventType.PAUSE_START, 27.4,
                endTs - 72, endArrived.plus(LATE_EVENT_WINDOW), "{}")));

        assertThat(refused).isInstanceOfSatisfying(AppendResult.SessionClosed.class, closed -> {
            assertThat(closed.refusal()).isEqualTo(Admission.Refusal.TOO_LATE);
            assertThat(closed.expiredNow()).isFalse();
            assertThat(closed.lifecycle().endTs()).isEqualTo(endTs);
        });
        assertThat(await(store.events(session.id()))).hasSize(2);
        assertThat(await(store.find(session.id())).orElseThrow().eventCount()).isEqualTo(2);
    }

    @Test
    void anEventThatHappenedAfterTheSessionEndIsRefusedEvenWithinTheWindow() {
        SessionStore store = newStore();
        long endTs = T0.plusSeconds(28).toEpochMilli();
        Instant endArrived = T0.plusSeconds(30);
        Session session = ended(store, endTs, endArrived);

        AppendResult refused = await(store.append(session.id(), new ReceivedEvent(EventType.PING, 27.4, endTs + 1,
                endArrived.plusMillis(1), "{}")));

        assertThat(refused).isInstanceOfSatisfying(AppendResult.SessionClosed.class,
                closed -> assertThat(closed.refusal()).isEqualTo(Admission.Refusal.AFTER_END));
        assertThat(await(store.events(session.id()))).hasSize(2);
    }

    @Test
    void anExpiredSessionTakesNoLateEvent() {
        SessionStore store = newStore();
        Session byArrival = session(T0);
        Session bySweep = session(T0);
        await(store.create(byArrival));
        await(store.create(bySweep));
        Instant deadline = T0.plus(Duration.ofMinutes(10));
        await(store.append(byArrival.id(), event(EventType.PING, 1, deadline)));
        await(WholeSweep.expire(store, deadline));

        for (Session expired : List.of(byArrival, bySweep)) {
            AppendResult refused = await(store.append(expired.id(), new ReceivedEvent(EventType.PAUSE_START, 0,
                    T0.toEpochMilli(), deadline.plusMillis(1), "{}")));

            assertThat(refused).isInstanceOfSatisfying(AppendResult.SessionClosed.class, closed -> {
                assertThat(closed.refusal()).isEqualTo(Admission.Refusal.CLOSED);
                assertThat(closed.lifecycle().state()).isEqualTo(SessionState.EXPIRED);
            });
            assertThat(await(store.events(expired.id()))).isEmpty();
        }
    }

    @Test
    void aDownloadedSessionTakesNoLateEventEvenIfItEndedItself() {
        SessionStore store = newStore();
        Session session = session(T0);
        ReceivedEvent end = event(EventType.SESSION_END, 60, T0.plusSeconds(60));
        Session downloaded = session.withLifecycle(session.lifecycle().after(end).closedAsDownloaded(T0));
        await(store.create(downloaded, List.of(end)));

        AppendResult refused = await(store.append(session.id(), new ReceivedEvent(EventType.PAUSE_START, 59,
                end.ts() - 1_000, T0.plusMillis(1), "{}")));

        assertThat(refused).isInstanceOfSatisfying(AppendResult.SessionClosed.class,
                closed -> assertThat(closed.refusal()).isEqualTo(Admission.Refusal.CLOSED));
        assertThat(await(store.find(session.id()))).contains(new StoredSession(downloaded, 1));
    }

    @Test
    void concurrentEventsOfOneSessionGetDistinctDenseSequences() {
        SessionStore store = newStore();
        Session session = session(T0);
        await(store.create(session));

        List<CompletableFuture<AppendResult>> results = IntStream.range(0, 500).parallel()
                .mapToObj(i -> store.append(session.id(), event(EventType.PING, i, T0.plusMillis(i)))
                        .toCompletableFuture())
                .toList();

        assertThat(results.stream().map(result -> ((AppendResult.Appended) result.join()).sequence()))
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 500).mapToObj(i -> (long) i).toList());
        assertThat(await(store.events(session.id()))).hasSize(500);
    }

    /** More than the SQL stores' chunks (200 sessions a sweep, 500 retention) twice over: three chunks at least. */
    static final int MORE_THAN_TWO_SWEEP_CHUNKS = 1_201;

    @Test
    void aSweepOverMoreSessionsThanOneChunkExpiresEachOfThemOnce() {
        SessionStore store = newStore();
        List<Session> sessions = IntStream.range(0, MORE_THAN_TWO_SWEEP_CHUNKS).mapToObj(i -> session(T0)).toList();
        sessions.stream().map(session -> store.create(session).toCompletableFuture()).toList()
                .forEach(CompletableFuture::join);

        ExpiredSessions expired = await(WholeSweep.expire(store, T0.plus(Duration.ofMinutes(11))));
        assertThat(expired).extracting(ExpiredSessions::idle, ExpiredSessions::stalled)
                .containsExactly(MORE_THAN_TWO_SWEEP_CHUNKS, 0);
        assertThat(expired.ids()).containsExactlyInAnyOrderElementsOf(sessions.stream().map(Session::id).toList());
        assertThat(await(store.countOpenSessions())).isZero();
        assertThat(await(WholeSweep.expire(store, T0.plus(Duration.ofMinutes(11)))).total()).isZero();
    }

    @Test
    void aSweepFindsTheDueSessionsAmongMoreOpenOnesThanOneChunkThatAreNotDue() {
        SessionStore store = newStore();
        List<Session> sessions = IntStream.range(0, MORE_THAN_TWO_SWEEP_CHUNKS)
                .mapToObj(i -> session(i % 3 == 0 ? T0 : T0.plus(Duration.ofMinutes(5)))).toList();
        sessions.stream().map(session -> store.create(session).toCompletableFuture()).toList()
                .forEach(CompletableFuture::join);

        ExpiredSessions expired = await(WholeSweep.expire(store, T0.plus(Duration.ofMinutes(11))));

        List<String> due = sessions.stream().filter(session -> session.createdAt().equals(T0)).map(Session::id).toList();
        assertThat(expired.ids()).containsExactlyInAnyOrderElementsOf(due);
        assertThat(await(store.countOpenSessions())).isEqualTo((long) MORE_THAN_TWO_SWEEP_CHUNKS - due.size());
    }

    @Test
    void retentionOverMoreSessionsThanOneChunkDeletesEachOfThem() {
        SessionStore store = newStore();
        List<Session> sessions = IntStream.range(0, MORE_THAN_TWO_SWEEP_CHUNKS).mapToObj(i -> session(T0)).toList();
        sessions.stream().map(session -> store.create(session).toCompletableFuture()).toList()
                .forEach(CompletableFuture::join);
        sessions.stream().map(session -> store.append(session.id(),
                event(EventType.SESSION_END, 1, T0.plusSeconds(1))).toCompletableFuture()).toList()
                .forEach(CompletableFuture::join);

        assertThat(await(store.deleteClosedBefore(T0.plusSeconds(50)))).isEqualTo(MORE_THAN_TWO_SWEEP_CHUNKS);
        assertThat(await(store.find(sessions.get(0).id()))).isEmpty();
        assertThat(await(store.find(sessions.get(MORE_THAN_TWO_SWEEP_CHUNKS - 1).id()))).isEmpty();
        assertThat(await(store.events(sessions.get(MORE_THAN_TWO_SWEEP_CHUNKS - 1).id()))).isEmpty();
        assertThat(await(store.deleteClosedBefore(T0.plusSeconds(50)))).isZero();
    }

    @Test
    void retentionDeletesSessionsClosedBeforeTheCutoffWithTheirEvents() {
        SessionStore store = newStore();
        Session endedLongAgo = session(T0);
        Session endedRecently = session(T0);
        Session stillOpen = session(T0);
        await(store.create(endedLongAgo));
        await(store.create(endedRecently));
        await(store.create(stillOpen));
        await(store.append(endedLongAgo.id(), event(EventType.SESSION_END, 1, T0.plusSeconds(1))));
        await(store.append(endedRecently.id(), event(EventType.SESSION_END, 1, T0.plusSeconds(100))));

        assertThat(await(store.deleteClosedBefore(T0.plusSeconds(50)))).isEqualTo(1);

        assertThat(await(store.find(endedLongAgo.id()))).isEmpty();
        assertThat(await(store.events(endedLongAgo.id()))).isEmpty();
        assertThat(await(store.find(endedRecently.id()))).isPresent();
        assertThat(await(store.events(endedRecently.id()))).hasSize(1);
        assertThat(await(store.find(stillOpen.id()))).isPresent();
    }

    @Test
    void concurrentCreatesAreAllKept() {
        SessionStore store = newStore();

        List<Session> sessions = IntStream.range(0, 300).mapToObj(i -> session(T0.plusMillis(i))).toList();
        sessions.parallelStream().map(store::create).map(CompletionStage::toCompletableFuture)
                .forEach(CompletableFuture::join);

        for (Session session : sessions) {
            assertThat(await(store.find(session.id()))).contains(new StoredSession(session, 0));
        }
    }

    @Test
    void sessionsAreListedNewestFirstAndFiltered() {
        SessionStore store = newStore();
        Session oldest = session(T0, "video-1", "web");
        Session middle = session(T0.plusSeconds(10), "video-2", "web");
        Session newest = session(T0.plusSeconds(20), "video-1", "ios");
        for (Session session : List.of(middle, oldest, newest)) {
            await(store.create(session));
        }
        await(store.append(middle.id(), event(EventType.SESSION_END, 1, T0.plusSeconds(11))));

        assertThat(ids(store, query(q -> q))).containsExactly(newest.id(), middle.id(), oldest.id());
        assertThat(ids(store, query(q -> q.mediaId("video-1")))).containsExactly(newest.id(), oldest.id());
        assertThat(ids(store, query(q -> q.playerName("web")))).containsExactly(middle.id(), oldest.id());
        assertThat(ids(store, query(q -> q.state(SessionState.CLOSED)))).containsExactly(middle.id());
        assertThat(ids(store, query(q -> q.state(SessionState.OPEN).mediaId("video-1").playerName("ios"))))
                .containsExactly(newest.id());
        assertThat(ids(store, query(q -> q.createdFrom(T0.plusSeconds(10)).createdTo(T0.plusSeconds(20)))))
                .containsExactly(middle.id());
        assertThat(await(store.list(query(q -> q.mediaId("video-1")))).get(0).eventCount()).isZero();
    }

    @Test
    void sessionsArePagedFromThePreviousPagesLastOne() {
        SessionStore store = newStore();
        List<Session> sessions = IntStream.range(0, 7).mapToObj(i -> session(T0.plusSeconds(i / 2))).toList();
        sessions.forEach(session -> await(store.create(session)));

        List<String> seen = new java.util.ArrayList<>();
        java.util.Optional<SessionQuery.Position> after = java.util.Optional.empty();
        for (int page = 0; page < 4; page++) {
            java.util.Optional<SessionQuery.Position> from = after;
            List<StoredSession> found = await(store.list(query(q -> q.after(from).limit(3))));
            found.forEach(stored -> seen.add(stored.session().id()));
            if (found.isEmpty()) {
                break;
            }
            Session last = found.get(found.size() - 1).session();
            after = java.util.Optional.of(new SessionQuery.Position(last.createdAt(), last.id()));
        }

        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                sessions.stream().map(Session::id).toList());
        assertThat(seen.stream().map(id -> sessions.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow().createdAt()).toList()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void eventsArePagedInArrivalOrderOrInTsOrder() {
        SessionStore store = newStore();
        Session session = session(T0);
        await(store.create(session));
        long[] ts = { 5_000, 1_000, 3_000, 3_000, 2_000 };
        for (int i = 0; i < ts.length; i++) {
            await(store.append(session.id(), new ReceivedEvent(EventType.PING, i, ts[i], T0.plusSeconds(i), "{}")));
        }

        assertThat(await(store.events(new EventQuery(session.id(), false, java.util.Optional.empty(), 2))))
                .extracting(StoredEvent::sequence).containsExactly(1L, 2L);
        assertThat(await(store.events(new EventQuery(session.id(), false,
                java.util.Optional.of(new EventQuery.Position(0, 2)), 10))))
                .extracting(StoredEvent::sequence).containsExactly(3L, 4L, 5L);
        assertThat(await(store.events(new EventQuery(session.id(), true, java.util.Optional.empty(), 3))))
                .extracting(StoredEvent::sequence).containsExactly(2L, 5L, 3L);
        assertThat(await(store.events(new EventQuery(session.id(), true,
                java.util.Optional.of(new EventQuery.Position(3_000, 3)), 10))))
                .extracting(StoredEvent::sequence).containsExactly(4L, 1L);
    }

    // --- findings ------------------------------------------------------------------------------------------------

    static final Finding NEGATIVE_PLAYHEAD = new Finding("minimum", "/playerTime/playhead", "must be at least 0");
    static final Finding NOT_JSON = new Finding("content-type", null,
            "The body was sent as text/plain;charset=UTF-8; send it as application/json.");
    static final Finding UNKNOWN_KEY = new Finding("unknown-key", "/customMetadata", "is not a known key");

    static ReceivedEvent withFindings(ReceivedEvent event, Finding... findings) {
        return event.withFindings(List.of(findings));
    }

    static Session withStart(Session session, ReceivedEvent start) {
        return session.withStart(start);
    }

    @Test
    void findingsAreKeptWithTheirRequestInTheirOrder() {
        SessionStore store = newStore();
        Session plain = session(T0);
        Session session = withStart(plain, withFindings(plain.start(), NOT_JSON, NEGATIVE_PLAYHEAD));
        await(store.create(session));
        ReceivedEvent play = withFindings(event(EventType.PLAY, 0, T0.plusSeconds(1)), UNKNOWN_KEY, NEGATIVE_PLAYHEAD);
        ReceivedEvent ping = event(EventType.PING, 10, T0.plusSeconds(2));
        await(store.append(session.id(), play));
        await(store.append(session.id(), ping));

        StoredSession stored = await(store.find(session.id())).orElseThrow();
        assertThat(stored.session().start().findings()).containsExactly(NOT_JSON, NEGATIVE_PLAYHEAD);
        assertThat(stored.findings()).isEqualTo(new FindingSummary(4, List.of("content-type", "minimum",
                "unknown-key")));
        assertThat(await(store.events(session.id()))).containsExactly(new StoredEvent(1, play),
                new StoredEvent(2, ping));
        assertThat(await(store.events(new EventQuery(session.id(), true, java.util.Optional.empty(), 1))))
                .containsExactly(new StoredEvent(1, play));
    }

    @Test
    void aSessionWithoutFindingsSaysSo() {
        SessionStore store = newStore();
        Session session = session(T0);
        await(store.create(session));
        await(store.append(session.id(), event(EventType.PLAY, 0, T0.plusSeconds(1))));

        assertThat(await(store.find(session.id())).orElseThrow().findings()).isEqualTo(FindingSummary.NONE);
        assertThat(await(store.list(query(q -> q)))).extracting(StoredSession::findings)
                .containsExactly(FindingSummary.NONE);
        assertThat(await(store.events(session.id()))).allSatisfy(stored -> assertThat(stored.event().findings())
                .isEmpty());
        assertThat(await(store.findings(new FindingQuery(java.util.Optional.empty(), 10)))).isEmpty();
    }

    @Test
    void aDownloadedSessionKeepsEachElementsFindings() {
        SessionStore store = newStore();
        Session plain = session(T0);
        Session session = withStart(plain, withFindings(plain.start(), NOT_JSON));
        ReceivedEvent play = event(EventType.PLAY, 0, T0);
        ReceivedEvent end = withFindings(event(EventType.SESSION_END, 5, T0), NEGATIVE_PLAYHEAD);

        await(store.create(session, List.of(play, end)));

        assertThat(await(store.events(session.id()))).containsExactly(new StoredEvent(1, play),
                new StoredEvent(2, end));
        assertThat(await(store.find(session.id())).orElseThrow().findings())
                .isEqualTo(new FindingSummary(2, List.of("content-type", "minimum")));
        assertThat(await(store.findings(new FindingQuery(java.util.Optional.empty(), 10))))
                .extracting(RecordedFinding::sequence, RecordedFinding::eventType, RecordedFinding::finding)
                .containsExactlyInAnyOrder(tuple(0L, EventType.SESSION_START, NOT_JSON),
                        tuple(2L, EventType.SESSION_END, NEGATIVE_PLAYHEAD));
    }

    @Test
    void sessionsAreFilteredByWhetherTheyHaveFindings() {
        SessionStore store = newStore();
        Session clean = session(T0);
        Session startFinding = session(T0.plusSeconds(1));
        startFinding = withStart(startFinding, withFindings(startFinding.start(), NOT_JSON));
        Session eventFinding = session(T0.plusSeconds(2));
        await(store.create(clean));
        await(store.create(startFinding));
        await(store.create(eventFinding));
        await(store.append(eventFinding.id(), withFindings(event(EventType.PLAY, 0, T0.plusSeconds(3)), UNKNOWN_KEY)));

        assertThat(ids(store, query(q -> q.hasFindings(true)))).containsExactly(eventFinding.id(), startFinding.id());
        assertThat(ids(store, query(q -> q.hasFindings(false)))).containsExactly(clean.id());
        assertThat(await(store.list(query(q -> q.hasFindings(true)))))
                .extracting(StoredSession::findings)
                .containsExactly(new FindingSummary(1, List.of("unknown-key")),
                        new FindingSummary(1, List.of("content-type")));
    }

    @Test
    void findingsArePagedNewestFirstAcrossSessions() {
        SessionStore store = newStore();
        Session first = session(T0);
        Session second = session(T0.plusSeconds(1));
        await(store.create(first));
        await(store.create(second));
        await(store.append(first.id(), withFindings(event(EventType.PLAY, -1, T0.plusSeconds(2)), NEGATIVE_PLAYHEAD,
                UNKNOWN_KEY)));
        await(store.append(second.id(), withFindings(event(EventType.PLAY, -1, T0.plusSeconds(3)), NEGATIVE_PLAYHEAD)));
        await(store.append(first.id(), withFindings(event(EventType.PING, -1, T0.plusSeconds(4)), NEGATIVE_PLAYHEAD)));

        List<RecordedFinding> all = await(store.findings(new FindingQuery(java.util.Optional.empty(), 10)));
        assertThat(all).containsExactly(
                new RecordedFinding(first.id(), 2, 0, EventType.PING, T0.plusSeconds(4), NEGATIVE_PLAYHEAD),
                new RecordedFinding(second.id(), 1, 0, EventType.PLAY, T0.plusSeconds(3), NEGATIVE_PLAYHEAD),
                new RecordedFinding(first.id(), 1, 1, EventType.PLAY, T0.plusSeconds(2), UNKNOWN_KEY),
                new RecordedFinding(first.id(), 1, 0, EventType.PLAY, T0.plusSeconds(2), NEGATIVE_PLAYHEAD));

        List<RecordedFinding> paged = new java.util.ArrayList<>();
        java.util.Optional<FindingQuery.Position> after = java.util.Optional.empty();
        for (int page = 0; page < 4; page++) {
            List<RecordedFinding> found = await(store.findings(new FindingQuery(after, 1)));
            assertThat(found).hasSize(1);
            paged.addAll(found);
            RecordedFinding last = found.get(0);
            after = java.util.Optional.of(new FindingQuery.Position(last.receivedAt(), last.sessionId(),
                    last.sequence(), last.ordinal()));
        }
        assertThat(paged).isEqualTo(all);
        assertThat(await(store.findings(new FindingQuery(after, 1)))).isEmpty();
    }

    @Test
    void retentionDeletesFindingsWithTheirSession() {
        SessionStore store = newStore();
        Session session = session(T0);
        await(store.create(session));
        await(store.append(session.id(), withFindings(event(EventType.SESSION_END, 0, T0.plusSeconds(1)),
                NEGATIVE_PLAYHEAD)));

        assertThat(await(store.deleteClosedBefore(T0.plusSeconds(2)))).isEqualTo(1);

        assertThat(await(store.findings(new FindingQuery(java.util.Optional.empty(), 10)))).isEmpty();
    }

    // --- session-level findings -------------------------------------------------------------------------------

    private static final SessionLint.Player ANDROID = new SessionLint.Player("android-app", "8.4.1",
            "android-media-3.1.2");
    private static final Finding PING_GAP = new Finding("ping-gap", null, "No ping for 30.0 s", List.of(1L, 2L));
    private static final Finding NOT_ENDED = new Finding("session-not-ended", null, "Nothing more arrived",
            List.of(2L));

    /** The findings as the linter hands them: each with the last event it involves, ordinals from -1 down. */
    private static List<RecordedFinding> linted(Session session, List<ReceivedEvent> events, Finding... findings) {
        List<RecordedFinding> recorded = new java.util.ArrayList<>();
        for (int i = 0; i < findings.length; i++) {
            List<Long> involved = findings[i].events();
            long last = involved.get(involved.size() - 1);
            ReceivedEvent event = last == 0 ? session.start() : events.get((int) last - 1);
            recorded.add(new RecordedFinding(session.id(), last, -(i + 1), event.type(), event.receivedAt(),
                    findings[i]));
        }
        return recorded;
    }

    @Test
    void sessionFindingsAreKeptBesideTheRequestsOwnAndReplacedWhole() {
        SessionStore store = newStore();
        Session session = session(T0);
        await(store.create(session));
        ReceivedEvent play = withFindings(event(EventType.PLAY, 0, T0.plusSeconds(1)), UNKNOWN_KEY);
        ReceivedEvent ping = event(EventType.PING, 30, T0.plusSeconds(31));
        await(store.append(session.id(), play));
        await(store.append(session.id(), ping));

        SessionLint first = new SessionLint(session.id(), 2, SessionState.OPEN, ANDROID,
                linted(session, List.of(play, ping), PING_GAP, NOT_ENDED));
        assertThat(await(store.replaceSessionFindings(first))).contains(List.of());

        assertThat(await(store.sessionFindings(session.id()))).containsExactly(PING_GAP, NOT_ENDED);
        assertThat(await(store.find(session.id())).orElseThrow().findings())
                .isEqualTo(new FindingSummary(3, List.of("ping-gap", "session-not-ended", "unknown-key")));
        // A request's own findings stay its own.
        assertThat(await(store.events(session.id()))).extracting(stored -> stored.event().findings())
                .containsExactly(List.of(UNKNOWN_KEY), List.of());
        assertThat(ids(store, query(q -> q.hasFindings(true)))).containsExactly(session.id());
        assertThat(await(store.findings(new FindingQuery(java.util.Optional.empty(), 10)))).containsExactly(
                new RecordedFinding(session.id(), 2, -1, EventType.PING, T0.plusSeconds(31), PING_GAP),
                new RecordedFinding(session.id(), 2, -2, EventType.PING, T0.plusSeconds(31), NOT_ENDED),
                new RecordedFinding(session.id(), 1, 0, EventType.PLAY, T0.plusSeconds(1), UNKNOWN_KEY));

        SessionLint second = new SessionLint(session.id(), 2, SessionState.OPEN, ANDROID,
                linted(session, List.of(play, ping), NOT_ENDED));
        assertThat(await(store.replaceSessionFindings(second))).contains(List.of(PING_GAP, NOT_ENDED));
        assertThat(await(store.sessionFindings(session.id()))).containsExactly(NOT_ENDED);
        assertThat(await(store.findings(new FindingQuery(java.util.Optional.empty(), 10))))
                .extracting(RecordedFinding::finding).containsExactly(NOT_ENDED, UNKNOWN_KEY);
    }

    @Test
    void sessionFindingsOfASessionThatMovedOnAreNotKept() {
        SessionStore store = newStore();
        Session session = session(T0);
        await(store.create(session));
        ReceivedEvent play = event(EventType.PLAY, 0, T0.plusSeconds(1));
        ReceivedEvent ping = event(EventType.PING, 30, T0.plusSeconds(31));
        await(store.append(session.id(), play));
        await(store.append(session.id(), ping));
        await(store.append(session.id(), event(EventType.SESSION_END, 31, T0.plusSeconds(32))));

        List<RecordedFinding> found = linted(session, List.of(play, ping), PING_GAP);
        assertThat(await(store.replaceSessionFindings(new SessionLint(session.id(), 2, SessionState.OPEN, ANDROID,
                found)))).isEmpty();
        assertThat(await(store.replaceSessionFindings(new SessionLint(session.id(), 3, SessionState.OPEN, ANDROID,
                found)))).as("closed since").isEmpty();
        assertThat(await(store.replaceSessionFindings(new SessionLint(SessionIds.next(), 0, SessionState.OPEN,
                ANDROID, List.of())))).as("no such session").isEmpty();
        assertThat(await(store.sessionFindings(session.id()))).isEmpty();
        assertThat(await(store.findingsByPlayer())).isEmpty();
    }

    @Test
    void findingsAreSummedUpPerPlayerTheLinterHasSeen() {
        SessionStore store = newStore();
        SessionLint.Player web = new SessionLint.Player("web", null, "js-3.1.0");
        Session broken = session(T0);
        Session clean = session(T0.plusSeconds(1));
        Session requestFinding = session(T0.plusSeconds(2));
        Session webSession = session(T0.plusSeconds(3));
        Session notLinted = session(T0.plusSeconds(4));
        for (Session session : List.of(broken, clean, requestFinding, webSession, notLinted)) {
            await(store.create(session));
        }
        ReceivedEvent play = event(EventType.PLAY, 0, T0.plusSeconds(5));
        ReceivedEvent ping = event(EventType.PING, 30, T0.plusSeconds(35));
        await(store.append(broken.id(), play));
        await(store.append(broken.id(), ping));
        await(store.append(requestFinding.id(), withFindings(event(EventType.PLAY, 0, T0.plusSeconds(5)),
                UNKNOWN_KEY, NEGATIVE_PLAYHEAD)));
        await(store.append(webSession.id(), play));
        await(store.append(webSession.id(), ping));
        await(store.append(notLinted.id(), withFindings(event(EventType.PLAY, 0, T0.plusSeconds(5)), UNKNOWN_KEY)));

        await(store.replaceSessionFindings(new SessionLint(broken.id(), 2, SessionState.OPEN, ANDROID,
                linted(broken, List.of(play, ping), PING_GAP, NOT_ENDED))));
        await(store.replaceSessionFindings(new SessionLint(clean.id(), 0, SessionState.OPEN, ANDROID, List.of())));
        await(store.replaceSessionFindings(new SessionLint(requestFinding.id(), 1, SessionState.OPEN, ANDROID,
                List.of())));
        await(store.replaceSessionFindings(new SessionLint(webSession.id(), 2, SessionState.OPEN, web,
                linted(webSession, List.of(play, ping), PING_GAP))));

        assertThat(await(store.findingsByPlayer())).containsExactly(
                new PlayerFindings(ANDROID, 3, 2, List.of(
                        new PlayerFindings.RuleCount("minimum", 1, 1),
                        new PlayerFindings.RuleCount("ping-gap", 1, 1),
                        new PlayerFindings.RuleCount("session-not-ended", 1, 1),
                        new PlayerFindings.RuleCount("unknown-key", 1, 1))),
                new PlayerFindings(web, 1, 1, List.of(new PlayerFindings.RuleCount("ping-gap", 1, 1))));
    }

    @Test
    void retentionDeletesSessionFindingsAndThePlayerWithTheirSession() {
        SessionStore store = newStore();
        Session session = session(T0);
        await(store.create(session));
        ReceivedEvent play = event(EventType.PLAY, 0, T0.plusSeconds(1));
        ReceivedEvent end = event(EventType.SESSION_END, 30, T0.plusSeconds(31));
        await(store.append(session.id(), play));
        await(store.append(session.id(), end));
        await(store.replaceSessionFindings(new SessionLint(session.id(), 2, SessionState.CLOSED, ANDROID,
                linted(session, List.of(play, end), PING_GAP))));

        assertThat(await(store.deleteClosedBefore(T0.plusSeconds(40)))).isEqualTo(1);

        assertThat(await(store.findings(new FindingQuery(java.util.Optional.empty(), 10)))).isEmpty();
        assertThat(await(store.sessionFindings(session.id()))).isEmpty();
        assertThat(await(store.findingsByPlayer())).isEmpty();
    }

    @Test
    void aSessionStartWithoutMediaIdOrPlayerNameIsKept() {
        SessionStore store = newStore();
        Session session = session(T0, null, null);

        await(store.create(session));

        assertThat(await(store.find(session.id()))).contains(new StoredSession(session, 0));
        assertThat(ids(store, query(q -> q.mediaId("video-3194")))).isEmpty();
    }

    private static List<String> ids(SessionStore store, SessionQuery query) {
        return await(store.list(query)).stream().map(stored -> stored.session().id()).toList();
    }

    private static SessionQuery query(java.util.function.UnaryOperator<QueryBuilder> filters) {
        return filters.apply(new QueryBuilder()).build();
    }

    /** A query with nothing set but what a test sets. */
    static final class QueryBuilder {
        private java.util.Optional<SessionState> state = java.util.Optional.empty();
        private java.util.Optional<String> mediaId = java.util.Optional.empty();
        private java.util.Optional<String> playerName = java.util.Optional.empty();
        private java.util.Optional<Instant> from = java.util.Optional.empty();
        private java.util.Optional<Instant> to = java.util.Optional.empty();
        private java.util.Optional<Boolean> hasFindings = java.util.Optional.empty();
        private java.util.Optional<SessionQuery.Position> after = java.util.Optional.empty();
        private int limit = 100;

        QueryBuilder state(SessionState value) {
            state = java.util.Optional.of(value);
            return this;
        }

        QueryBuilder mediaId(String value) {
            mediaId = java.util.Optional.of(value);
            return this;
        }

        QueryBuilder playerName(String value) {
            playerName = java.util.Optional.of(value);
            return this;
        }

        QueryBuilder createdFrom(Instant value) {
            from = java.util.Optional.of(value);
            return this;
        }

        QueryBuilder createdTo(Instant value) {
            to = java.util.Optional.of(value);
            return this;
        }

        QueryBuilder hasFindings(boolean value) {
            hasFindings = java.util.Optional.of(value);
            return this;
        }

        QueryBuilder after(java.util.Optional<SessionQuery.Position> value) {
            after = value;
            return this;
        }

        QueryBuilder limit(int value) {
            limit = value;
            return this;
        }

        SessionQuery build() {
            return new SessionQuery(state, mediaId, playerName, from, to, hasFindings, after, limit);
        }
    }
}
