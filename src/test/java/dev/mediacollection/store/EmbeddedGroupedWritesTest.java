package dev.mediacollection.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import dev.mediacollection.store.jdbc.JdbcSessionStore;
import dev.mediacollection.store.jdbc.JdbcStores;

/** Grouped writes on the embedded store, each test on a fresh data directory. */
class EmbeddedGroupedWritesTest extends GroupedWritesContract {

    private final List<JdbcSessionStore> opened = new ArrayList<>();

    @TempDir
    Path dataDirs;

    @Override
    protected SessionStore newStoreGroupingByFour() {
        JdbcSessionStore store = JdbcStores.embedded(dataDirs.resolve("data-" + opened.size()),
                SessionStoreContract.TIMEOUTS, GROUPS_OF_FOUR, 2, groups);
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(JdbcSessionStore::close);
    }
}
