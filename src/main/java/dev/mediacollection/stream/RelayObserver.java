package dev.mediacollection.stream;

import java.time.Duration;

/** Told what a relay does, for monitoring. Called on the relay's thread: it must return at once and never throw. */
public interface RelayObserver {

    /** Observes nothing: for relays used outside the service (tests, tools). */
    RelayObserver NONE = new RelayObserver() {
        @Override
        public void relayed(String destination, int entries) {
        }

        @Override
        public void relayFailed(String destination) {
        }

        @Override
        public void backlog(String destination, long pending, Duration oldestAge) {
        }
    };

    /** {@code entries} outbox entries were delivered to the destination and removed from the outbox. */
    void relayed(String destination, int entries);

    /** A round failed (the destination or the store did not take it); the relay backs off and tries again. */
    void relayFailed(String destination);

    /** What waits for the destination: how many entries, and how long the oldest has waited (zero if none). */
    void backlog(String destination, long pending, Duration oldestAge);
}
