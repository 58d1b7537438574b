package dev.mediacollection.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.store.jdbc.GroupCommitSettings;
import dev.mediacollection.store.jdbc.JdbcSessionStore;
import dev.mediacollection.store.jdbc.JdbcStores;
import dev.mediacollection.support.Postgres;

/** The PostgreSQL store, each test on an empty database. Runs with {@code ./mvnw verify -Ppostgresql}. */
@Tag("postgresql")
class PostgresReportStoreTest extends ReportStoreContract {

    private final List<JdbcSessionStore> opened = new ArrayList<>();

    @Override
    protected SessionStore newStore(SessionTimeouts timeouts) {
        Postgres.reset();
        JdbcSessionStore store = JdbcStores.postgresql(Postgres.dataSource(), timeouts,
                new GroupCommitSettings(4, 256, Duration.ofMillis(1), 10_000), 2, StoreObserver.NONE);
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(JdbcSessionStore::close);
    }
}
