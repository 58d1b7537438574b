package dev.mediacollection.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.store.jdbc.GroupCommitSettings;
import dev.mediacollection.store.jdbc.JdbcSessionStore;
import dev.mediacollection.store.jdbc.JdbcStores;
import dev.mediacollection.support.Postgres;

/** The PostgreSQL store, each test on an empty database. Runs with {@code ./mvnw verify -Ppostgresql}. */
@Tag("postgresql")
class PostgresSessionStoreTest extends SessionStoreContract {

    private final List<JdbcSessionStore> opened = new ArrayList<>();

    @Override
    protected SessionStore newStore(SessionTimeouts timeouts) {
        Postgres.reset();
        return anotherInstance(timeouts);
    }

    /** One more instance on the same database, as a second service would be. */
    private JdbcSessionStore anotherInstance(SessionTimeouts timeouts) {
        JdbcSessionStore store = JdbcStores.postgresql(Postgres.dataSource(), timeouts,
                new GroupCommitSettings(4, 256, Duration.ofMillis(1), 10_000), 2, StoreObserver.NONE);
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(JdbcSessionStore::close);
    }

    @Test
    void twoInstancesCreatingTheSameIdsKeepEachOnceAndTellTheOtherItIsTaken() {
        SessionStore first = newStore();
        SessionStore second = anotherInstance(TIMEOUTS);
        List<Session> sessions = IntStream.range(0, 200).mapToObj(i -> session(T0.plusMillis(i))).toList();

        List<CompletableFuture<Void>> creates = sessions.parallelStream()
                .flatMap(session -> Stream.of(first.create(session), second.create(session)))
                .map(stage -> stage.toCompletableFuture()).toList();
        List<Throwable> failures = creates.stream().map(create -> create.handle((created, failure) -> failure).join())
                .filter(failure -> failure != null).toList();

        assertThat(failures).hasSize(sessions.size()).allSatisfy(failure -> assertThat(failure)
                .hasRootCauseInstanceOf(DuplicateSessionException.class));
        for (Session session : sessions) {
            assertThat(await(first.find(session.id()))).isPresent();
        }
    }

    @Test
    void twoInstancesSendingEventsToOneSessionGiveThemDistinctDenseSequences() {
        SessionStore first = newStore();
        SessionStore second = anotherInstance(TIMEOUTS);
        Session session = session(T0);
        await(first.create(session));

        List<CompletableFuture<AppendResult>> results = IntStream.range(0, 400).parallel()
                .mapToObj(i -> (i % 2 == 0 ? first : second)
                        .append(session.id(), event(EventType.PING, i, T0.plusMillis(i))).toCompletableFuture())
                .toList();

        assertThat(results.stream().map(result -> ((AppendResult.Appended) result.join()).sequence()))
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 400).mapToObj(i -> (long) i).toList());
        assertThat(await(second.events(session.id()))).hasSize(400);
    }
}
