package dev.mediacollection.store;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.store.jdbc.GroupCommitSettings;
import dev.mediacollection.store.jdbc.JdbcSessionStore;
import dev.mediacollection.store.jdbc.JdbcStores;
import dev.mediacollection.support.GroupSizes;

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

        CompletableFuture<ExpiredSessions> sweep = WholeSweep.expire(store, T0.plus(Duration.ofMinutes(11)))
                .toCompletableFuture();
        CompletableFuture<AppendResult> play = store.append(player.id(),
                event(EventType.PLAY, 0, T0.plus(Duration.ofMinutes(11)))).toCompletableFuture();

        // The sweep takes fifteen chunks, one write each; the player's write is queued behind the first only.
        assertThat(play.join()).isInstanceOf(AppendResult.Appended.class);
        assertThat(sweep).isNotDone();
        assertThat(sweep.join()).extracting(ExpiredSessions::idle, ExpiredSessions::stalled)
                .containsExactly(sessions, 0);
    }

    @Test
    void aSweepHandsOverEachWritesSessionsAsSoonAsItIsCommitted() {
        JdbcSessionStore store = open(newDataDir(), TIMEOUTS, COMMITS);
        List<String> ids = IntStream.range(0, 450).mapToObj(i -> session(T0))
                .map(session -> store.create(session).thenApply(created -> session.id()).toCompletableFuture())
                .toList().stream().map(CompletableFuture::join).toList();
        List<Integer> handedOver = new CopyOnWriteArrayList<>();
        List<String> expiredIds = new CopyOnWriteArrayList<>();

        int expired = await(store.expireSessions(T0.plus(Duration.ofMinutes(11)), write -> {
            handedOver.add(write.idle());
            expiredIds.addAll(write.ids());
        }));

        // Chunks of 200 sessions, one write each, each handed over on its own.
        assertThat(expired).isEqualTo(450);
        assertThat(handedOver).containsExactly(200, 200, 50);
        assertThat(expiredIds).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void retentionDeletesSessionsWithManyEventsAFewThousandEventsAWrite() {
        GroupSizes groups = new GroupSizes();
        JdbcSessionStore store = JdbcStores.embedded(newDataDir(), TIMEOUTS, COMMITS, 2, groups);
        opened.add(store);
        List<Session> sessions = IntStream.range(0, 4).mapToObj(i -> session(T0)).toList();
        sessions.forEach(session -> await(store.create(session)));
        // A session at a time: all of them at once would be more than the write queue holds.
        sessions.forEach(session -> IntStream.range(0, 3_000).mapToObj(i -> store.append(session.id(),
                event(EventType.PING, i, T0.plusMillis(i))).toCompletableFuture()).toList()
                .forEach(CompletableFuture::join));
        assertThat(await(WholeSweep.expire(store, T0.plus(Duration.ofMinutes(11)))).idle()).isEqualTo(4);
        int groupsBefore = groups.committed().size();

        assertThat(await(store.deleteClosedBefore(T0.plus(Duration.ofDays(1))))).isEqualTo(4);

        // About 3,000 events a session: the second session of a write passes the bound of 5,000, so two writes.
        assertThat(groups.committed().subList(groupsBefore, groups.committed().size())).containsExactly(1, 1);
        assertThat(sessions).allSatisfy(session -> assertThat(await(store.find(session.id()))).isEmpty());
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

    private Path newDataDir() {
        return dataDirs.resolve("data-" + opened.size());
    }
}
