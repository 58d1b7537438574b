package dev.mediacollection.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mediacollection.store.StoreObserver;
import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.session.StoredEvent;
import dev.mediacollection.session.StoredSession;
import dev.mediacollection.store.jdbc.GroupCommitSettings;
import dev.mediacollection.store.jdbc.JdbcSessionStore;
import dev.mediacollection.store.jdbc.JdbcStores;

/** The embedded store, each test on a fresh data directory. */
class EmbeddedSessionStoreTest extends SessionStoreContract {

    static final GroupCommitSettings COMMITS = new GroupCommitSettings(1, 256, Duration.ofMillis(1), 10_000);

    private final List<JdbcSessionStore> opened = new ArrayList<>();

    @TempDir
    Path dataDirs;

    @Override
    protected SessionStore newStore(SessionTimeouts timeouts) {
        return open(newDataDir(), timeouts, COMMITS);
    }

    private JdbcSessionStore open(Path dataDir, SessionTimeouts timeouts, GroupCommitSettings commits) {
        JdbcSessionStore store = JdbcStores.embedded(dataDir, timeouts, commits, 2, StoreObserver.NONE);
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(JdbcSessionStore::close);
    }

    @Test
    void whatWasAcknowledgedIsThereAfterReopening() {
        Path dataDir = newDataDir();
        JdbcSessionStore first = open(dataDir, TIMEOUTS, COMMITS);
        Session session = session(T0);
        await(first.create(session));
        await(first.append(session.id(), event(EventType.PLAY, 0, T0.plusSeconds(1))));
        first.close();

        JdbcSessionStore reopened = open(dataDir, TIMEOUTS, COMMITS);

        assertThat(await(reopened.find(session.id()))).isPresent();
        assertThat(await(reopened.events(session.id()))).hasSize(1);
        assertThat(dataDir.resolve(JdbcStores.EMBEDDED_FILE)).exists();
    }

    @Test
    void aPlayersWriteQueuedDuringALongSweepIsCommittedBeforeTheSweepEnds() {
        JdbcSessionStore store = open(newDataDir(), TIMEOUTS, COMMITS);
        int sessions = 3_000;
        IntStream.range(0, sessions).mapToObj(i -> store.create(session(T0)).toCompletableFuture()).toList()
                .forEach(CompletableFuture::join);
        Session player = session(T0.plus(Duration.ofMinutes(10)));
        await(store.create(player));

        CompletableFuture<ExpiredSessions> sweep = store.expireSessions(T0.plus(Duration.ofMinutes(11)))
                .toCompletableFuture();
        CompletableFuture<AppendResult> play = store.append(player.id(),
                event(EventType.PLAY, 0, T0.plus(Duration.ofMinutes(11)))).toCompletableFuture();

        // The sweep takes six chunks, one write each; the player's write is queued behind the first only.
        assertThat(play.join()).isInstanceOf(AppendResult.Appended.class);
        assertThat(sweep).isNotDone();
        assertThat(sweep.join()).extracting(ExpiredSessions::idle, ExpiredSessions::stalled)
                .containsExactly(sessions, 0);
    }

    @Test
    void writesBeyondTheQueueAreRefusedNotQueuedWithoutBound() {
        JdbcSessionStore store = open(newDataDir(), TIMEOUTS,
                new GroupCommitSettings(1, 1, Duration.ZERO, 1));
        Session session = session(T0);
        await(store.create(session));

        List<Throwable> refusals = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> store.append(session.id(), event(EventType.PING, i, T0.plusMillis(i)))
                        .toCompletableFuture())
                .toList().stream()
                .map(future -> future.handle((result, failure) -> failure).join())
                .filter(java.util.Objects::nonNull)
                .toList();

        assertThat(refusals).isNotEmpty().allSatisfy(refusal -> assertThat(refusal)
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("queue is full"));
        assertThat(await(store.events(session.id()))).hasSize(200 - refusals.size());
    }

    /** A group of four writes: its writers wait until four are queued, far longer than any test takes to queue them. */
    static final GroupCommitSettings GROUPS_OF_FOUR = new GroupCommitSettings(1, 4, Duration.ofSeconds(30), 10_000);

    /** Opens a store whose commits take {@link #GROUPS_OF_FOUR}, adding each group's size to {@code groups}. */
    private JdbcSessionStore openGroupingByFour(List<Integer> groups) {
        JdbcSessionStore store = JdbcStores.embedded(newDataDir(), TIMEOUTS, GROUPS_OF_FOUR, 2, new StoreObserver() {
            @Override
            public void committed(int writes, long nanos) {
                groups.add(writes);
            }

            @Override
            public void commitFailed(int writes) {
                groups.add(-writes);
            }
        });
        opened.add(store);
        return store;
    }

    @Test
    void aSessionCreatedAndSentEventsInOneGroupKeepsThemInOrder() {
        List<Integer> groups = new CopyOnWriteArrayList<>();
        JdbcSessionStore store = openGroupingByFour(groups);
        Session session = session(T0);

        CompletableFuture<Void> created = store.create(session).toCompletableFuture();
        List<CompletableFuture<AppendResult>> appended = IntStream.rangeClosed(1, 3)
                .mapToObj(i -> store.append(session.id(), event(EventType.PING, i, T0.plusSeconds(i)))
                        .toCompletableFuture())
                .toList();

        created.join();
        assertThat(appended).extracting(result -> ((AppendResult.Appended) result.join()).sequence())
                .containsExactly(1L, 2L, 3L);
        assertThat(groups).containsExactly(4);
        assertThat(await(store.find(session.id()))).get().extracting(StoredSession::eventCount).isEqualTo(3L);
        assertThat(await(store.find(session.id()))).get()
                .extracting(stored -> stored.session().lifecycle().lastPlayhead()).isEqualTo(3.0);
        assertThat(await(store.events(session.id()))).extracting(StoredEvent::sequence).containsExactly(1L, 2L, 3L);
    }

    @Test
    void anIdTakenEarlierInTheSameGroupIsRefusedAsTaken() {
        List<Integer> groups = new CopyOnWriteArrayList<>();
        JdbcSessionStore store = openGroupingByFour(groups);
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
        assertThat(groups).containsExactly(4);
        assertThat(await(store.find(session.id()))).contains(new StoredSession(session, 0));
        assertThat(await(store.find(other.id()))).contains(new StoredSession(other, 0));
    }

    /**
     * A write the database refuses (here an event without a body, against the schema's NOT NULL) fails its group at
     * the commit; each write, retried alone, starts from what is committed, not from what the failed group had done.
     */
    @Test
    void aWriteTheDatabaseRefusesFailsAloneAndTheOthersOfItsGroupKeepDenseSequences() {
        List<Integer> groups = new CopyOnWriteArrayList<>();
        JdbcSessionStore store = openGroupingByFour(groups);
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

    private Path newDataDir() {
        return dataDirs.resolve("data-" + opened.size());
    }
}
