package dev.mediacollection.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.store.jdbc.JdbcSessionStore;
import dev.mediacollection.store.jdbc.JdbcStores;

/** The embedded store, each test on a fresh data directory. */
class EmbeddedReportStoreTest extends ReportStoreContract {

    private final List<JdbcSessionStore> opened = new ArrayList<>();

    @TempDir
    Path dataDirs;

    @Override
    protected SessionStore newStore(SessionTimeouts timeouts) {
        JdbcSessionStore store = JdbcStores.embedded(dataDirs.resolve("data-" + opened.size()), timeouts,
                EmbeddedSessionStoreTest.COMMITS, 2, StoreObserver.NONE);
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(JdbcSessionStore::close);
    }
}
