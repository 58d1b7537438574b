package dev.mediacollection.store;

import java.time.Duration;
import java.util.Set;

import dev.mediacollection.store.jdbc.GroupCommitSettings;
import dev.mediacollection.store.jdbc.JdbcStores;
import dev.mediacollection.support.Postgres;

/** The expiry sweep's cost on PostgreSQL (see {@link ExpirySweepCost}), on an emptied database each time. */
class PostgresExpirySweepCost extends ExpirySweepCost {

    @Override
    SessionStore newStore(Set<String> destinations) {
        Postgres.reset();
        return JdbcStores.postgresql(Postgres.dataSource(), SessionStoreContract.TIMEOUTS,
                new GroupCommitSettings(4, 256, Duration.ofMillis(1), 50_000), 2, StoreObserver.NONE, destinations);
    }

    @Override
    String name() {
        return "postgresql";
    }
}
