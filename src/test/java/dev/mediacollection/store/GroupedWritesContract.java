package dev.mediacollection.store;

import static dev.mediacollection.store.SessionStoreContract.T0;
import static dev.mediacollection.store.SessionStoreContract.await;
import static dev.mediacollection.store.SessionStoreContract.event;
import static dev.mediacollection.store.SessionStoreContract.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.StoredEvent;
import dev.mediacollection.session.StoredSession;
import dev.mediacollection.store.jdbc.GroupCommitSettings;
import dev.mediacollection.support.GroupSizes;

/**
 * What the SQL stores must do with writes that share a group commit: groups of exactly four here (the writers wait
 * until four are queued, far longer than any test takes to queue them), so that each test knows its group.
 */
abstract class GroupedWritesContract {

    static final GroupCommitSettings GROUPS_OF_FOUR = new GroupCommitSettings(1, 4, Duration.ofSeconds(30), 10_000);

    /** What the store's writers committed, or could not commit, group by group. */
    final GroupSizes groups = new GroupSizes();

    /** A new, empty store whose commits take {@link #GROUPS_OF_FOUR} and tell {@link #groups}. */
    protected abstract SessionStore newStoreGroupingByFour();


    @Test
    void aSessionCreatedAndSentEventsInOneGroupKeepsThemInOrder() {
        SessionStore store = newStoreGroupingByFour();
        Session session = session(T0);

        CompletableFuture<Void> created = store.create(session).toCompletableFuture();
        List<CompletableFuture<AppendResult>> appended = IntStream.rangeClosed(1, 3)
                .mapToObj(i -> store.append(session.id(), event(EventType.PING, i, T0.plusSeconds(i)))
                        .toCompletableFuture())
                .toList();

        created.join();
        assertThat(appended).extracting(result -> ((AppendResult.Appended) result.join()).sequence())
                .containsExactly(1L, 2L, 3L);
        assertThat(groups.committed()).containsExactly(4);
        assertThat(groups.refused()).isEmpty();
        assertThat(await(store.find(session.id()))).get().extracting(StoredSession::eventCount).isEqualTo(3L);
        assertThat(await(store.find(session.id()))).get()
                .extracting(stored -> stored.session().lifecycle().lastPlayhead()).isEqualTo(3.0);
        assertThat(await(store.events(session.id()))).extracting(StoredEvent::sequence).containsExactly(1L, 2L, 3L);
    }

    @Test
    void anIdTakenEarlierInTheSameGroupIsRefusedAsTaken() {
        SessionStore store = newStoreGroupingByFour();
        Session session = session(T0);
        Session sameId = new Session(session.id(), T0.plusSeconds(1), event(EventType.SESSION_START, 0, T0),
                "other", "other", "other", "other", Lifecycle.opened(T0, 0));
        Session other = session(T0);

        List<CompletableFuture<Void>> creates = List.of(session, sameId, other, session(T0)).stream()
                .map(each -> store.create(each).toCompletableFuture()).toList();

        creates.get(0).join();
        assertThatThrownBy(creates.get(1)::join).hasRootCauseInstanceOf(DuplicateSessionException.class);
        creates.get(2).join();
        creates.get(3).join();
        assertThat(groups.committed()).containsExactly(4);
        assertThat(groups.refused()).isEmpty();
        assertThat(await(store.find(session.id()))).contains(new StoredSession(session, 0));
        assertThat(await(store.find(other.id()))).contains(new StoredSession(other, 0));
    }

    /**
     * A write the database refuses (here an event without a body, against the schema's NOT NULL) fails its group at
     * the commit; each write, retried alone, starts from what is committed, not from what the failed group had done.
     */
    @Test
    void aWriteTheDatabaseRefusesFailsAloneAndTheOthersOfItsGroupKeepDenseSequences() {
        SessionStore store = newStoreGroupingByFour();
        Session session = session(T0);

        CompletableFuture<Void> created = store.create(session).toCompletableFuture();
        CompletableFuture<AppendResult> first = store.append(session.id(), event(EventType.PLAY, 1, T0.plusSeconds(1)))
                .toCompletableFuture();
        CompletableFuture<AppendResult> refused = store.append(session.id(), new ReceivedEvent(EventType.PING, 2,
                T0.plusSeconds(2).toEpochMilli(), T0.plusSeconds(2), null)).toCompletableFuture();
        CompletableFuture<AppendResult> second = store.append(session.id(),
                event(EventType.PING, 3, T0.plusSeconds(3))).toCompletableFuture();

        created.join();
        assertThat(((AppendResult.Appended) first.join()).sequence()).isEqualTo(1);
        assertThatThrownBy(refused::join).hasCauseInstanceOf(StoreUnavailableException.class);
        assertThat(((AppendResult.Appended) second.join()).sequence()).isEqualTo(2);
        assertThat(await(store.events(session.id()))).extracting(StoredEvent::sequence).containsExactly(1L, 2L);
        assertThat(await(store.find(session.id()))).get().extracting(StoredSession::eventCount).isEqualTo(2L);
    }
}
