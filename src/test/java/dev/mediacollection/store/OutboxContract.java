package dev.mediacollection.store;

import static dev.mediacollection.store.SessionStoreContract.NEGATIVE_PLAYHEAD;
import static dev.mediacollection.store.SessionStoreContract.NOT_JSON;
import static dev.mediacollection.store.SessionStoreContract.T0;
import static dev.mediacollection.store.SessionStoreContract.UNKNOWN_KEY;
import static dev.mediacollection.store.SessionStoreContract.await;
import static dev.mediacollection.store.SessionStoreContract.event;
import static dev.mediacollection.store.SessionStoreContract.session;
import static dev.mediacollection.store.SessionStoreContract.withFindings;
import static dev.mediacollection.store.SessionStoreContract.withStart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Finding;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.RecordedFinding;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionState;
import dev.mediacollection.store.OutboxEntry.Kind;

/**
 * What every store with an outbox must do: each write that announces something leaves an entry per destination, in
 * the write's own transaction, and only then; entries come back in order with what they announce, and go only when
 * removed one by one; a relay's ledger settles an entry and records where it stands with the session in one go, and
 * holds a failing session's entries back. Each adapter's test says how to open a fresh store.
 */
public abstract class OutboxContract {

    static final String KAFKA = "kafka";
    static final String UPSTREAM = "upstream";

    /** A new, empty store keeping entries for these destinations. */
    protected abstract SessionStore newStore(Set<String> destinations);

    private static Outbox outbox(SessionStore store) {
        return store.outbox().orElseThrow();
    }

    private static List<OutboxEntry> pending(SessionStore store, String destination) {
        return await(outbox(store).pending(destination, 1_000, T0));
    }

    @Test
    void withoutADestinationNothingIsWritten() {
        SessionStore store = newStore(Set.of());
        Session session = session(T0);
        await(store.create(session));
        await(store.append(session.id(), event(EventType.SESSION_END, 1, T0.plusSeconds(1))));
        await(WholeSweep.expire(store, T0.plus(Duration.ofHours(1))));

        assertThat(pending(store, KAFKA)).isEmpty();
        assertThat(await(outbox(store).backlog(KAFKA))).isEqualTo(new OutboxBacklog(0, Optional.empty()));
    }

    @Test
    void aLiveSessionAnnouncesItsStartEachEventAndItsEnd() {
        SessionStore store = newStore(Set.of(KAFKA));
        Session session = session(T0);
        ReceivedEvent play = event(EventType.PLAY, 0, T0.plusSeconds(1));
        ReceivedEvent end = event(EventType.SESSION_END, 5, T0.plusSeconds(5));

        await(store.create(session));
        await(store.append(session.id(), play));
        await(store.append(session.id(), end));

        List<OutboxEntry> entries = pending(store, KAFKA);
        assertThat(entries).extracting(OutboxEntry::sessionId, OutboxEntry::kind, OutboxEntry::sequence,
                OutboxEntry::createdAt, OutboxEntry::request).containsExactly(
                        tuple(session.id(), Kind.OPENED, 0L, T0, Optional.of(session.start())),
                        tuple(session.id(), Kind.EVENT, 1L, play.receivedAt(), Optional.of(play)),
                        tuple(session.id(), Kind.EVENT, 2L, end.receivedAt(), Optional.of(end)),
                        tuple(session.id(), Kind.CLOSED, 2L, end.receivedAt(), Optional.empty()));
        assertThat(entries).extracting(OutboxEntry::position).isSorted().doesNotHaveDuplicates();
    }

    /** A late event follows the close it came after, and the close is announced again to cover it. */
    @Test
    void anEventKeptLateAfterSessionEndAnnouncesItselfAndTheCloseAgain() {
        SessionStore store = newStore(Set.of(KAFKA));
        Session session = session(T0);
        await(store.create(session));
        await(store.append(session.id(), event(EventType.SESSION_END, 5, T0.plusSeconds(5))));
        ReceivedEvent late = new ReceivedEvent(EventType.PAUSE_START, 4, T0.plusSeconds(4).toEpochMilli(),
                T0.plusSeconds(6), "{\"eventType\":\"pauseStart\"}");

        assertThat(await(store.append(session.id(), late))).isInstanceOf(AppendResult.Appended.class);

        assertThat(pending(store, KAFKA)).extracting(OutboxEntry::kind, OutboxEntry::sequence).containsExactly(
                tuple(Kind.OPENED, 0L), tuple(Kind.EVENT, 1L), tuple(Kind.CLOSED, 1L),
                tuple(Kind.EVENT, 2L), tuple(Kind.CLOSED, 2L));
    }

    @Test
    void aDownloadedSessionAnnouncesItselfWholeThenItsClose() {
        SessionStore store = newStore(Set.of(KAFKA));
        Session opened = session(T0);
        Session session = opened.withLifecycle(opened.lifecycle().closedAsDownloaded(T0));
        List<ReceivedEvent> events = List.of(event(EventType.PLAY, 0, T0), event(EventType.PING, 10, T0));

        await(store.create(session, events));

        assertThat(pending(store, KAFKA)).extracting(OutboxEntry::kind, OutboxEntry::sequence, OutboxEntry::request)
                .containsExactly(
                        tuple(Kind.DOWNLOADED, 2L, Optional.of(session.start())),
                        tuple(Kind.CLOSED, 2L, Optional.empty()));
    }

    /** What a stream record says of a request includes its findings: they come with the request an entry names. */
    @Test
    void eachAnnouncedRequestComesWithItsFindings() {
        SessionStore store = newStore(Set.of(KAFKA));
        Session plain = session(T0);
        Session live = withStart(plain, withFindings(plain.start(), NOT_JSON));
        ReceivedEvent play = withFindings(event(EventType.PLAY, 0, T0.plusSeconds(1)), NOT_JSON, NEGATIVE_PLAYHEAD);
        ReceivedEvent ping = event(EventType.PING, 10, T0.plusSeconds(11));
        Session opened = session(T0);
        Session downloaded = withStart(opened.withLifecycle(opened.lifecycle().closedAsDownloaded(T0)),
                withFindings(opened.start(), UNKNOWN_KEY));

        await(store.create(live));
        await(store.append(live.id(), play));
        await(store.append(live.id(), ping));
        await(store.create(downloaded, List.of(withFindings(event(EventType.PLAY, 0, T0), NEGATIVE_PLAYHEAD))));

        assertThat(pending(store, KAFKA)).extracting(OutboxEntry::sessionId, OutboxEntry::kind,
                entry -> entry.request().map(ReceivedEvent::findings)).containsExactly(
                        tuple(live.id(), Kind.OPENED, Optional.of(List.of(NOT_JSON))),
                        tuple(live.id(), Kind.EVENT, Optional.of(List.of(NOT_JSON, NEGATIVE_PLAYHEAD))),
                        tuple(live.id(), Kind.EVENT, Optional.of(List.of())),
                        tuple(downloaded.id(), Kind.DOWNLOADED, Optional.of(List.of(UNKNOWN_KEY))),
                        tuple(downloaded.id(), Kind.CLOSED, Optional.empty()));
    }

    /** A session-level finding is the session's, not its last event's: that event's entry carries only its own. */
    @Test
    void aSessionLevelFindingIsNotARequestsOwn() {
        SessionStore store = newStore(Set.of(KAFKA));
        Session session = session(T0);
        ReceivedEvent play = withFindings(event(EventType.PLAY, 0, T0.plusSeconds(1)), NEGATIVE_PLAYHEAD);
        await(store.create(session));
        await(store.append(session.id(), play));
        Finding gap = new Finding("ping-gap", null, "No ping for 30.0 s", List.of(1L));
        await(store.replaceSessionFindings(new SessionLint(session.id(), 1, SessionState.OPEN,
                new SessionLint.Player("p", null, null),
                List.of(new RecordedFinding(session.id(), 1, -1, EventType.PLAY, play.receivedAt(), gap)))));

        assertThat(pending(store, KAFKA)).extracting(OutboxEntry::kind,
                entry -> entry.request().map(ReceivedEvent::findings)).containsExactly(
                        tuple(Kind.OPENED, Optional.of(List.of())),
                        tuple(Kind.EVENT, Optional.of(List.of(NEGATIVE_PLAYHEAD))));
    }

    @Test
    void whatIsRefusedAnnouncesNothing() {
        SessionStore store = newStore(Set.of(KAFKA));
        Session session = session(T0);
        await(store.create(session));
        await(store.append(session.id(), event(EventType.SESSION_END, 1, T0.plusSeconds(1))));
        List<OutboxEntry> before = pending(store, KAFKA);

        await(store.append(session.id(), event(EventType.PING, 2, T0.plusSeconds(2))));
        await(store.append(dev.mediacollection.session.SessionIds.next(), event(EventType.PING, 2, T0)));
        await(WholeSweep.expire(store, T0.plus(Duration.ofHours(1))));

        assertThat(pending(store, KAFKA)).isEqualTo(before);
    }

    @Test
    void everySessionASweepExpiresAnnouncesItsClose() {
        SessionStore store = newStore(Set.of(KAFKA));
        Session idle = session(T0);
        Session withEvents = session(T0);
        Session active = session(T0);
        for (Session session : List.of(idle, withEvents, active)) {
            await(store.create(session));
        }
        await(store.append(withEvents.id(), event(EventType.PLAY, 0, T0.plusSeconds(1))));
        await(store.append(active.id(), event(EventType.PLAY, 0, T0.plus(Duration.ofMinutes(9)))));
        await(outbox(store).remove(KAFKA, pending(store, KAFKA).stream().map(OutboxEntry::position).toList()));
        Instant sweep = T0.plus(Duration.ofMinutes(11));

        assertThat(await(WholeSweep.expire(store, sweep)).total()).isEqualTo(2);

        assertThat(pending(store, KAFKA)).extracting(OutboxEntry::sessionId, OutboxEntry::kind,
                OutboxEntry::sequence, OutboxEntry::createdAt).containsExactlyInAnyOrder(
                        tuple(idle.id(), Kind.CLOSED, 0L, sweep),
                        tuple(withEvents.id(), Kind.CLOSED, 1L, sweep));
    }

    @Test
    void anEventThatFindsItsSessionTimedOutAnnouncesTheCloseNotItself() {
        SessionStore store = newStore(Set.of(KAFKA));
        Session session = session(T0);
        await(store.create(session));
        ReceivedEvent late = event(EventType.PING, 1, T0.plus(Duration.ofMinutes(10)));

        await(store.append(session.id(), late));

        assertThat(pending(store, KAFKA)).extracting(OutboxEntry::kind, OutboxEntry::sequence,
                OutboxEntry::createdAt).containsExactly(
                        tuple(Kind.OPENED, 0L, T0),
                        tuple(Kind.CLOSED, 0L, late.receivedAt()));
    }

    @Test
    void eachDestinationHasItsOwnEntries() {
        SessionStore store = newStore(Set.of(KAFKA, "upstream"));
        Session session = session(T0);
        await(store.create(session));
        await(store.append(session.id(), event(EventType.PLAY, 0, T0.plusSeconds(1))));

        await(outbox(store).remove(KAFKA, pending(store, KAFKA).stream().map(OutboxEntry::position).toList()));

        assertThat(pending(store, KAFKA)).isEmpty();
        assertThat(pending(store, "upstream")).extracting(OutboxEntry::kind)
                .containsExactly(Kind.OPENED, Kind.EVENT);
    }

    @Test
    void removingTakesExactlyTheGivenEntriesAndTheBacklogTellsWhatIsLeft() {
        SessionStore store = newStore(Set.of(KAFKA));
        Session first = session(T0);
        Session second = session(T0.plusSeconds(10));
        await(store.create(first));
        await(store.create(second));
        await(store.append(first.id(), event(EventType.PLAY, 0, T0.plusSeconds(20))));
        List<OutboxEntry> entries = pending(store, KAFKA);
        assertThat(await(outbox(store).backlog(KAFKA))).isEqualTo(new OutboxBacklog(3, Optional.of(T0)));

        await(outbox(store).remove(KAFKA, List.of(entries.get(0).position(), entries.get(2).position())));

        assertThat(pending(store, KAFKA)).containsExactly(entries.get(1));
        assertThat(await(outbox(store).backlog(KAFKA)))
                .isEqualTo(new OutboxBacklog(1, Optional.of(T0.plusSeconds(10))));
        assertThat(await(outbox(store).pending(KAFKA, 1, T0))).hasSize(1);
    }

    @Test
    void retentionKeepsASessionUntilItsEntriesAreRelayed() {
        SessionStore store = newStore(Set.of(KAFKA));
        Session relayed = session(T0);
        Session waiting = session(T0);
        for (Session session : List.of(relayed, waiting)) {
            await(store.create(session));
            await(store.append(session.id(), event(EventType.SESSION_END, 1, T0.plusSeconds(1))));
        }
        await(outbox(store).remove(KAFKA, pending(store, KAFKA).stream()
                .filter(entry -> entry.sessionId().equals(relayed.id())).map(OutboxEntry::position).toList()));

        assertThat(await(store.deleteClosedBefore(T0.plus(Duration.ofDays(1))))).isEqualTo(1);

        assertThat(await(store.find(relayed.id()))).isEmpty();
        assertThat(await(store.find(waiting.id()))).isPresent();
        assertThat(await(store.events(waiting.id()))).hasSize(1);
        assertThat(pending(store, KAFKA)).extracting(OutboxEntry::sessionId, OutboxEntry::kind)
                .containsExactly(tuple(waiting.id(), Kind.OPENED), tuple(waiting.id(), Kind.EVENT),
                        tuple(waiting.id(), Kind.CLOSED));
    }

    @Test
    void oneOwnerHoldsALeaseUntilItRunsOutOrIsGivenUp() {
        Outbox outbox = outbox(newStore(Set.of(KAFKA)));
        Duration lease = Duration.ofSeconds(15);

        assertThat(await(outbox.lease(KAFKA, "a", T0, T0.plus(lease)))).isTrue();
        assertThat(await(outbox.lease(KAFKA, "b", T0.plusSeconds(1), T0.plusSeconds(1).plus(lease)))).isFalse();
        assertThat(await(outbox.lease(KAFKA, "a", T0.plusSeconds(10), T0.plusSeconds(10).plus(lease)))).isTrue();
        assertThat(await(outbox.lease(KAFKA, "b", T0.plusSeconds(20), T0.plusSeconds(20).plus(lease)))).isFalse();
        assertThat(await(outbox.lease("upstream", "b", T0.plusSeconds(20), T0.plusSeconds(35)))).isTrue();

        assertThat(await(outbox.lease(KAFKA, "b", T0.plusSeconds(25), T0.plusSeconds(40)))).isTrue();
        assertThat(await(outbox.lease(KAFKA, "a", T0.plusSeconds(26), T0.plusSeconds(41)))).isFalse();

        await(outbox.release(KAFKA, "a"));
        assertThat(await(outbox.lease(KAFKA, "a", T0.plusSeconds(27), T0.plusSeconds(42)))).isFalse();
        await(outbox.release(KAFKA, "b"));
        assertThat(await(outbox.lease(KAFKA, "a", T0.plusSeconds(28), T0.plusSeconds(43)))).isTrue();
    }

    // --- the relay ledger -----------------------------------------------------------------------------------------

    private static RelayLedger ledger(SessionStore store) {
        return store.relayLedger().orElseThrow();
    }

    @Test
    void aDeliveredEntryLeavesTheOutboxAndTheSessionKeepsTheNameTheDestinationGaveIt() {
        SessionStore store = newStore(Set.of(UPSTREAM));
        Session session = session(T0);
        await(store.create(session));
        await(store.append(session.id(), event(EventType.PLAY, 0, T0.plusSeconds(1))));
        List<OutboxEntry> entries = pending(store, UPSTREAM);

        await(ledger(store).delivered(UPSTREAM, entries.get(0), Optional.of("remote-1"), T0.plusSeconds(2)));

        assertThat(pending(store, UPSTREAM)).containsExactly(entries.get(1));
        assertThat(await(ledger(store).sessions(UPSTREAM, List.of(session.id())))).containsExactly(
                Map.entry(session.id(), new SessionRelay(session.id(), SessionRelay.Outcome.RELAYING,
                        Optional.of("remote-1"), 0, Optional.empty(), Optional.empty(), Optional.empty(),
                        T0.plusSeconds(2))));
        await(ledger(store).delivered(UPSTREAM, entries.get(1), Optional.empty(), T0.plusSeconds(3)));

        assertThat(pending(store, UPSTREAM)).isEmpty();
        assertThat(await(ledger(store).standing(UPSTREAM, session.id()))).hasValueSatisfying(standing -> {
            assertThat(standing.waiting()).isZero();
            assertThat(standing.relay()).map(SessionRelay::remoteId).contains(Optional.of("remote-1"));
        });
        assertThat(await(ledger(store).sessions(KAFKA, List.of(session.id())))).isEmpty();
    }

    @Test
    void aSessionWhoseAttemptFailedIsHeldBackUntilItsRetryTimeAndOnlyIt() {
        SessionStore store = newStore(Set.of(UPSTREAM));
        Session failing = session(T0);
        Session other = session(T0);
        await(store.create(failing));
        await(store.create(other));
        List<OutboxEntry> entries = pending(store, UPSTREAM);
        await(ledger(store).delivered(UPSTREAM, entries.get(0), Optional.of("remote-1"), T0));
        await(store.append(failing.id(), event(EventType.PLAY, 0, T0.plusSeconds(1))));
        Instant retryAt = T0.plusSeconds(5);

        await(ledger(store).failed(UPSTREAM, failing.id(), 2, retryAt, "503 from upstream", T0.plusSeconds(1)));

        assertThat(await(outbox(store).pending(UPSTREAM, 10, retryAt.minusMillis(1))))
                .extracting(OutboxEntry::sessionId).containsExactly(other.id());
        assertThat(await(outbox(store).pending(UPSTREAM, 10, retryAt))).extracting(OutboxEntry::sessionId)
                .containsExactly(other.id(), failing.id());
        assertThat(await(ledger(store).sessions(UPSTREAM, List.of(failing.id(), other.id())))).containsOnlyKeys(
                failing.id()).containsValue(new SessionRelay(failing.id(), SessionRelay.Outcome.RELAYING,
                        Optional.of("remote-1"), 2, Optional.of(retryAt), Optional.of("503 from upstream"),
                        Optional.empty(), T0.plusSeconds(1)));
        assertThat(await(outbox(store).pending(KAFKA, 10, T0))).isEmpty();

        OutboxEntry play = await(outbox(store).pending(UPSTREAM, 10, retryAt)).get(1);
        await(ledger(store).delivered(UPSTREAM, play, Optional.empty(), retryAt));

        assertThat(await(ledger(store).sessions(UPSTREAM, List.of(failing.id())))).containsValue(
                new SessionRelay(failing.id(), SessionRelay.Outcome.RELAYING, Optional.of("remote-1"), 0,
                        Optional.empty(), Optional.empty(), Optional.empty(), retryAt));
    }

    @Test
    void aSettledSessionKeepsWhyAndItsEntryLeaves() {
        SessionStore store = newStore(Set.of(UPSTREAM));
        Session refused = session(T0);
        Session excluded = session(T0);
        await(store.create(refused));
        await(store.create(excluded));
        List<OutboxEntry> entries = pending(store, UPSTREAM);
        await(ledger(store).delivered(UPSTREAM, entries.get(0), Optional.of("remote-1"), T0));
        await(store.append(refused.id(), event(EventType.PLAY, 0, T0.plusSeconds(1))));
        OutboxEntry play = pending(store, UPSTREAM).get(1);
        await(ledger(store).failed(UPSTREAM, refused.id(), 1, T0.plusSeconds(2), "timeout", T0.plusSeconds(1)));

        await(ledger(store).settled(UPSTREAM, play, SessionRelay.Outcome.REFUSED, "upstream refused: 410",
                T0.plusSeconds(3)));
        await(ledger(store).settled(UPSTREAM, entries.get(1), SessionRelay.Outcome.EXCLUDED, "channel news",
                T0.plusSeconds(3)));

        assertThat(pending(store, UPSTREAM)).isEmpty();
        assertThat(await(ledger(store).sessions(UPSTREAM, List.of(refused.id(), excluded.id())))).containsOnly(
                Map.entry(refused.id(), new SessionRelay(refused.id(), SessionRelay.Outcome.REFUSED,
                        Optional.of("remote-1"), 0, Optional.empty(), Optional.empty(),
                        Optional.of("upstream refused: 410"), T0.plusSeconds(3))),
                Map.entry(excluded.id(), new SessionRelay(excluded.id(), SessionRelay.Outcome.EXCLUDED,
                        Optional.empty(), 0, Optional.empty(), Optional.empty(), Optional.of("channel news"),
                        T0.plusSeconds(3))));
    }

    @Test
    void theStandingOfASessionCountsWhatStillWaits() {
        SessionStore store = newStore(Set.of(UPSTREAM));
        Session session = session(T0);
        await(store.create(session));
        await(store.append(session.id(), event(EventType.PLAY, 0, T0.plusSeconds(1))));

        assertThat(await(ledger(store).standing(UPSTREAM, session.id())))
                .contains(new RelayLedger.RelayStanding(Optional.empty(), 2));
        assertThat(await(ledger(store).standing(KAFKA, session.id()))).isEmpty();
        assertThat(await(ledger(store).standing(UPSTREAM, session(T0).id()))).isEmpty();
    }

    @Test
    void retentionDeletesTheLedgerOfTheSessionsItDeletes() {
        SessionStore store = newStore(Set.of(UPSTREAM));
        Session session = session(T0);
        await(store.create(session));
        await(store.append(session.id(), event(EventType.SESSION_END, 1, T0.plusSeconds(1))));
        for (OutboxEntry entry : pending(store, UPSTREAM)) {
            await(ledger(store).delivered(UPSTREAM, entry, Optional.of("remote-1"), T0.plusSeconds(2)));
        }

        assertThat(await(store.deleteClosedBefore(T0.plus(Duration.ofDays(1))))).isEqualTo(1);

        assertThat(await(ledger(store).sessions(UPSTREAM, List.of(session.id())))).isEmpty();
    }
}
