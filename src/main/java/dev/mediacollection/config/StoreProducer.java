package dev.mediacollection.config;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.store.SessionStore;
import dev.mediacollection.store.StoreKind;
import dev.mediacollection.store.StoreObserver;
import dev.mediacollection.store.jdbc.GroupCommitSettings;
import dev.mediacollection.store.jdbc.JdbcStores;
import dev.mediacollection.store.memory.InMemorySessionStore;
import dev.mediacollection.stream.StreamKind;
import dev.mediacollection.stream.kafka.KafkaDestination;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/** Chooses the session store from the configuration alone. */
public class StoreProducer {

    /** Opened at start-up, so that a store that cannot open (or migrate) stops the service at once. */
    @Produces
    @ApplicationScoped
    @Startup
    SessionStore sessionStore(CollectorConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> datasourceUrl,
            Instance<AgroalDataSource> datasource, StoreObserver observer) {
        CollectorConfig.Store store = config.store();
        StoreKind kind = store.kind().orElse(datasourceUrl.isPresent() ? StoreKind.POSTGRESQL : StoreKind.EMBEDDED);
        SessionTimeouts timeouts = new SessionTimeouts(config.sessions().idleTimeout(),
                config.sessions().stalledTimeout(), config.sessions().lateEventWindow());
        CollectorConfig.Store.GroupCommit group = store.groupCommit();
        GroupCommitSettings commits = new GroupCommitSettings(group.writers(), group.maxBatch(), group.maxDelay(),
                group.queueCapacity());
        Set<String> outbox = outboxDestinations(config.stream().kind());
        return switch (kind) {
            case EMBEDDED -> {
                Log.infof("Storing sessions in %s", store.dataDir().toAbsolutePath());
                yield JdbcStores.embedded(store.dataDir(), timeouts, commits, store.readThreads(), observer, outbox);
            }
            case POSTGRESQL -> {
                Log.infof("Storing sessions in PostgreSQL at %s",
                        datasourceUrl.map(StoreProducer::withoutCredentials).orElse("(no URL configured)"));
                yield JdbcStores.postgresql(datasource.get(), timeouts, commits, store.readThreads(), observer,
                        outbox);
            }
            case MEMORY -> {
                Log.warn("Storing sessions in memory only: they are lost when the service stops");
                CollectorConfig.Store.Memory memory = store.memory();
                yield new InMemorySessionStore(memory.maxSessions(), memory.maxEvents(), timeouts);
            }
        };
    }

    /** The destinations the store keeps outbox entries for: none unless a stream is configured. */
    static Set<String> outboxDestinations(StreamKind stream) {
        return switch (stream) {
            case NONE -> Set.of();
            case KAFKA -> Set.of(KafkaDestination.NAME);
        };
    }

    /**
     * The database's address without what may hold secrets: a JDBC URL can carry {@code user:password@} before
     * the host and {@code ?password=…} among its parameters, and logs must hold neither.
     */
    static String withoutCredentials(String jdbcUrl) {
        int parameters = jdbcUrl.indexOf('?');
        String address = parameters < 0 ? jdbcUrl : jdbcUrl.substring(0, parameters);
        return address.replaceFirst("//[^/]*@", "//");
    }

    /** On shutdown: commit what is queued, then release the database. */
    void close(@Disposes SessionStore store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
