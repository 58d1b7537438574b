package dev.mediacollection.store;

import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.store.memory.InMemorySessionStore;

class InMemoryReportStoreTest extends ReportStoreContract {

    @Override
    protected SessionStore newStore(SessionTimeouts timeouts) {
        return new InMemorySessionStore(1_000, 100_000, timeouts);
    }
}
