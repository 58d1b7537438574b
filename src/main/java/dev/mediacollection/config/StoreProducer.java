package dev.mediacollection.config;

import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.context.ApplicationScoped;

import dev.mediacollection.store.SessionStore;
import dev.mediacollection.store.memory.InMemorySessionStore;

/** Chooses the session store from the configuration. */
public class StoreProducer {

    @Produces
    @ApplicationScoped
    SessionStore sessionStore(CollectorConfig config) {
        return new InMemorySessionStore(config.store().memory().maxSessions());
    }
}
