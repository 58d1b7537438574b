package dev.mediacollection.stream;

import java.util.List;

/** The relays this instance runs: one per configured destination, none when the stream is off. */
public final class Relays implements AutoCloseable {

    private final List<OutboxRelay> relays;

    public Relays(List<OutboxRelay> relays) {
        this.relays = List.copyOf(relays);
    }

    public static Relays none() {
        return new Relays(List.of());
    }

    public List<RelayStatus> statuses() {
        return relays.stream().map(OutboxRelay::status).toList();
    }

    /** Stops every relay; what they had not delivered stays in the outbox for the next start or another instance. */
    @Override
    public void close() {
        relays.forEach(OutboxRelay::close);
    }
}
