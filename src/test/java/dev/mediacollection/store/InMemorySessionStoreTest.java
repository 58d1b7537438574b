package dev.mediacollection.store;

import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.store.memory.InMemorySessionStore;

class InMemorySessionStoreTest extends SessionStoreContract {

    @Override
    protected SessionStore newStore(int maxSessions, long maxEvents, SessionTimeouts timeouts) {
        return new InMemorySessionStore(maxSessions, maxEvents, timeouts);
    }
}
