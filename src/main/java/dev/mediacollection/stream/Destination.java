package dev.mediacollection.stream;

import java.util.List;
import java.util.Optional;

import dev.mediacollection.store.OutboxEntry;

/** Where a relay delivers outbox entries: one adapter per kind of destination, such as {@code stream.kafka}. */
public interface Destination extends AutoCloseable {

    /** The name its outbox entries are kept under (at most 16 characters). */
    String name();

    /**
     * Delivers the entries, in their order, and says which the destination acknowledged. An entry counts as
     * delivered only when every entry of the same session before it in the batch was delivered too, so that what
     * is removed from the outbox never leaves a hole in a session's order.
     */
    Delivery deliver(List<OutboxEntry> entries) throws InterruptedException;

    /** Releases connections; entries not yet delivered stay in the outbox. */
    @Override
    void close();

    /**
     * What became of a batch.
     *
     * @param delivered the positions of the entries the destination acknowledged
     * @param failure   why the others were not, if any was not
     */
    record Delivery(List<Long> delivered, Optional<Exception> failure) {
    }
}
