package dev.mediacollection.store;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

import dev.mediacollection.store.jdbc.JdbcSessionStore;
import dev.mediacollection.store.jdbc.JdbcStores;
import dev.mediacollection.support.Postgres;

/** Grouped writes on PostgreSQL, each test on an empty database. Runs with {@code ./mvnw verify -Ppostgresql}. */
@Tag("postgresql")
class PostgresGroupedWritesTest extends GroupedWritesContract {

    private final List<JdbcSessionStore> opened = new ArrayList<>();

    @Override
    protected SessionStore newStoreGroupingByFour() {
        Postgres.reset();
        JdbcSessionStore store = JdbcStores.postgresql(Postgres.dataSource(), SessionStoreContract.TIMEOUTS,
                GROUPS_OF_FOUR, 2, groups);
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(JdbcSessionStore::close);
    }
}
