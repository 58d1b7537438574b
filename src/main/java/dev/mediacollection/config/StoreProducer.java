package dev.mediacollection.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.store.SessionStore;
import dev.mediacollection.store.memory.InMemorySessionStore;

/** Chooses the session store from the configuration. */
public class StoreProducer {

    @Produces
    @ApplicationScoped
    SessionStore sessionStore(CollectorConfig config) {
        CollectorConfig.Store.Memory memory = config.store().memory();
        return new InMemorySessionStore(memory.maxSessions(), memory.maxEvents(), timeouts(config));
    }

    static SessionTimeouts timeouts(CollectorConfig config) {
        return new SessionTimeouts(config.sessions().idleTimeout(), config.sessions().stalledTimeout());
    }
}
