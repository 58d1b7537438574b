package dev.mediacollection.durability;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.mediacollection.store.StoreObserver;
import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.store.SessionStore;
import dev.mediacollection.store.jdbc.GroupCommitSettings;
import dev.mediacollection.store.jdbc.JdbcStores;
import dev.mediacollection.support.Postgres;

/** SIGKILL and SIGTERM mid-load against the PostgreSQL store. */
@Tag("postgresql")
class PostgresCrashSafetyIT extends CrashSafetyScenario {

    @BeforeEach
    void emptyDatabase() {
        Postgres.reset();
    }

    @Override
    Map<String, String> storeSettings() {
        return Postgres.serviceSettings();
    }

    @Override
    SessionStore openStore() {
        return JdbcStores.postgresql(Postgres.dataSource(),
                new SessionTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofSeconds(5)),
                new GroupCommitSettings(1, 1, Duration.ZERO, 1), 2, StoreObserver.NONE);
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        run("postgresql-crash", Stop.SIGKILL);
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigtermAndEveryStoredOneWasAnswered() throws Exception {
        run("postgresql-sigterm", Stop.SIGTERM);
    }
}
