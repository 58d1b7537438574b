package dev.mediacollection.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.io.TempDir;

import dev.mediacollection.store.jdbc.GroupCommitSettings;
import dev.mediacollection.store.jdbc.JdbcStores;

/** The expiry sweep's cost on the embedded store (see {@link ExpirySweepCost}). */
class EmbeddedExpirySweepCost extends ExpirySweepCost {

    @TempDir
    Path dataDirs;
    private int stores;

    @Override
    SessionStore newStore(Set<String> destinations) {
        return JdbcStores.embedded(dataDirs.resolve("data-" + stores++), SessionStoreContract.TIMEOUTS,
                new GroupCommitSettings(1, 256, Duration.ofMillis(1), 50_000), 2, StoreObserver.NONE, destinations);
    }

    @Override
    String name() {
        return "embedded";
    }
}
