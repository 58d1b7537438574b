package dev.mediacollection.store.memory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.mediacollection.session.Session;
import dev.mediacollection.store.DuplicateSessionException;
import dev.mediacollection.store.SessionStore;
import dev.mediacollection.store.StoreUnavailableException;

/** Keeps sessions in memory, up to a fixed number, for tests and throw-away runs. Lost when the process ends. */
public class InMemorySessionStore implements SessionStore {

    private final int capacity;
    private final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    public InMemorySessionStore(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public CompletionStage<Void> create(Session session) {
        // Reserve a slot first so that concurrent creates can never overshoot the capacity.
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return CompletableFuture.failedFuture(
                    new StoreUnavailableException("The in-memory store is full (" + capacity + " sessions)"));
        }
        if (sessions.putIfAbsent(session.id(), session) != null) {
            size.decrementAndGet();
            return CompletableFuture.failedFuture(new DuplicateSessionException(session.id()));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<Session>> find(String id) {
        return CompletableFuture.completedFuture(Optional.ofNullable(sessions.get(id)));
    }
}
