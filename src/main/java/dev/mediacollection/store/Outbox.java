package dev.mediacollection.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What a store has promised to relay. A store opened with destinations (a name each, such as {@code kafka}) keeps,
 * in the same transaction as every write that announces something, one entry per destination: a session opened, an
 * event, a downloaded session, a session closed (by {@code sessionEnd}, by a timeout, on upload). An acknowledged
 * write therefore always has its entries, and an entry stays until a relay removes it. A store opened without
 * destinations writes nothing of this.
 *
 * <p>Only stores that keep data across a restart offer it (the SQL stores): the in-memory store could not keep the
 * promise (see docs/streaming.md).
 */
public interface Outbox {

    /**
     * Up to {@code limit} of the destination's entries, in position order: the order in which their writes
     * committed, for each session. With the request each announces, read with it.
     */
    CompletionStage<List<OutboxEntry>> pending(String destination, int limit);

    /** Removes exactly these entries of the destination (by position), once delivered. */
    CompletionStage<Void> remove(String destination, Collection<Long> positions);

    /** How much is waiting for the destination. */
    CompletionStage<OutboxBacklog> backlog(String destination);

    /**
     * Takes the destination's lease for {@code owner} until {@code until}, or extends it: true if {@code owner}
     * holds it now, false while another owner's lease runs (its {@code expiresAt} after {@code now}). One relay
     * per destination across every instance sharing the store.
     */
    CompletionStage<Boolean> lease(String destination, String owner, Instant now, Instant until);

    /** Gives the lease up if {@code owner} holds it, so that another instance takes over at once. */
    CompletionStage<Void> release(String destination, String owner);
}
