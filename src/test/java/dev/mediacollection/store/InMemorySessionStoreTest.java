package dev.mediacollection.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionIds;
import dev.mediacollection.store.memory.InMemorySessionStore;

class InMemorySessionStoreTest {

    static Session session(String id) {
        return new Session(id, Instant.now(),
                new ReceivedEvent("sessionStart", 0, 1_509_045_324_153L, Instant.now(), "{}"));
    }

    @Test
    void storedSessionsCanBeFound() throws Exception {
        InMemorySessionStore store = new InMemorySessionStore(10);
        Session session = session(SessionIds.next());

        store.create(session).toCompletableFuture().get();

        assertThat(store.find(session.id()).toCompletableFuture().get()).contains(session);
        assertThat(store.find(SessionIds.next()).toCompletableFuture().get()).isEmpty();
    }

    @Test
    void anIdCannotBeStoredTwice() throws Exception {
        InMemorySessionStore store = new InMemorySessionStore(10);
        String id = SessionIds.next();
        store.create(session(id)).toCompletableFuture().get();

        assertThatThrownBy(() -> store.create(session(id)).toCompletableFuture().get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(DuplicateSessionException.class);
    }

    @Test
    void concurrentCreatesNeverExceedTheCapacity() {
        InMemorySessionStore store = new InMemorySessionStore(1_000);

        List<CompletableFuture<Void>> results = IntStream.range(0, 5_000).parallel()
                .mapToObj(i -> store.create(session(SessionIds.next())).toCompletableFuture())
                .toList();

        long stored = results.stream().filter(result -> !result.isCompletedExceptionally()).count();
        assertThat(stored).isEqualTo(1_000);
        assertThat(results).filteredOn(CompletableFuture::isCompletedExceptionally)
                .allSatisfy(result -> assertThatThrownBy(result::get)
                        .hasCauseInstanceOf(StoreUnavailableException.class));
    }
}
