package dev.mediacollection.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import dev.mediacollection.store.jdbc.JdbcSessionStore;
import dev.mediacollection.store.jdbc.JdbcStores;

/** The embedded store's outbox, each test on a fresh data directory. */
class EmbeddedOutboxTest extends OutboxContract {

    private final List<JdbcSessionStore> opened = new ArrayList<>();

    @TempDir
    Path dataDirs;

    @Override
    protected SessionStore newStore(Set<String> destinations) {
        JdbcSessionStore store = JdbcStores.embedded(dataDirs.resolve("data-" + opened.size()),
                SessionStoreContract.TIMEOUTS, EmbeddedSessionStoreTest.COMMITS, 2, StoreObserver.NONE, destinations);
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(JdbcSessionStore::close);
    }
}
