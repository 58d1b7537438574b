package dev.mediacollection.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.store.memory.InMemorySessionStore;

class InMemorySessionStoreTest extends SessionStoreContract {

    @Override
    protected SessionStore newStore(SessionTimeouts timeouts) {
        return new InMemorySessionStore(2_000, 100_000, timeouts);
    }

    @Test
    void aFullStoreRefusesAndKeepsNothingOfTheRefusedWrite() {
        SessionStore store = new InMemorySessionStore(2, 3, TIMEOUTS);
        Session first = session(T0);
        await(store.create(first));
        await(store.create(session(T0)));

        assertThatThrownBy(() -> await(store.create(session(T0))))
                .hasRootCauseInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> await(store.proveWritable()))
                .hasRootCauseInstanceOf(StoreUnavailableException.class);
        await(store.append(first.id(), event(EventType.PLAY, 0, T0)));
        await(store.append(first.id(), event(EventType.PING, 1, T0)));
        await(store.append(first.id(), event(EventType.PING, 2, T0)));
        assertThatThrownBy(() -> await(store.append(first.id(), event(EventType.PING, 3, T0))))
                .hasRootCauseInstanceOf(StoreUnavailableException.class);
        assertThat(await(store.events(first.id()))).hasSize(3);
    }
}
