package dev.mediacollection.durability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mediacollection.store.StoreObserver;
import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.store.SessionStore;
import dev.mediacollection.store.jdbc.GroupCommitSettings;
import dev.mediacollection.store.jdbc.JdbcStores;

/** SIGKILL and SIGTERM mid-load against the embedded (SQLite) store. */
class EmbeddedCrashSafetyIT extends CrashSafetyScenario {

    private final Path dataDir;

    EmbeddedCrashSafetyIT() throws IOException {
        dataDir = Files.createTempDirectory(Path.of("target"), "crash-data").toAbsolutePath();
    }

    @Override
    Map<String, String> storeSettings() {
        return Map.of("mc.store.kind", "embedded", "mc.store.data-dir", dataDir.toString());
    }

    @Override
    SessionStore openStore() {
        SessionTimeouts timeouts = new SessionTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(30),
                Duration.ofSeconds(5));
        return JdbcStores.embedded(dataDir, timeouts,
                new GroupCommitSettings(1, 1, Duration.ZERO, 1), 2, StoreObserver.NONE);
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        run("embedded-crash", Stop.SIGKILL);
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigtermAndEveryStoredOneWasAnswered() throws Exception {
        run("embedded-sigterm", Stop.SIGTERM);
    }
}
