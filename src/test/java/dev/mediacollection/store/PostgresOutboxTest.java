package dev.mediacollection.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

import dev.mediacollection.store.jdbc.GroupCommitSettings;
import dev.mediacollection.store.jdbc.JdbcSessionStore;
import dev.mediacollection.store.jdbc.JdbcStores;
import dev.mediacollection.support.Postgres;

/** The PostgreSQL store's outbox, each test on an empty database. Runs with {@code ./mvnw verify -Ppostgresql}. */
@Tag("postgresql")
class PostgresOutboxTest extends OutboxContract {

    private final List<JdbcSessionStore> opened = new ArrayList<>();

    @Override
    protected SessionStore newStore(Set<String> destinations) {
        Postgres.reset();
        JdbcSessionStore store = JdbcStores.postgresql(Postgres.dataSource(), SessionStoreContract.TIMEOUTS,
                new GroupCommitSettings(4, 256, Duration.ofMillis(1), 10_000), 2, StoreObserver.NONE, destinations);
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(JdbcSessionStore::close);
    }
}
