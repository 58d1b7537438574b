package dev.mediacollection.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import dev.mediacollection.metrics.MediaMetrics;
import dev.mediacollection.metrics.MetricTotals;
import dev.mediacollection.session.Finding;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.RecordedFinding;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.StoredEvent;
import dev.mediacollection.session.StoredSession;

/**
 * Where sessions and their events are kept. Every write completes only once the store has accepted the data, so
 * an acknowledgement to the player is a promise that the data is kept. A write the store cannot take fails with
 * {@link StoreUnavailableException}; nothing of it is kept.
 *
 * <p>A request's findings ({@link ReceivedEvent#findings()}) are kept with it, in the same write: a request is
 * stored with all of its findings or not at all. A request without findings writes nothing more than before. A
 * session's session-level findings are written apart, off the requests' path, and replaced as a whole.
 */
public interface SessionStore {

    /**
     * Stores a new session.
     *
     * @return completes when the session is stored; fails with {@link DuplicateSessionException} if the id is taken
     */
    CompletionStage<Void> create(Session session);

    /** Stores a session together with its events (a downloaded session), all or nothing. */
    CompletionStage<Void> create(Session session, List<ReceivedEvent> events);

    /**
     * Adds an event to a session, applying the lifecycle rules ({@code Lifecycle.admit}) atomically: a session whose
     * timeout ran out before the event arrived is expired first, and refuses it; a session that ended with
     * {@code sessionEnd} keeps only a late event.
     */
    CompletionStage<AppendResult> append(String sessionId, ReceivedEvent event);

    /** The session with this id, if it exists. */
    CompletionStage<Optional<StoredSession>> find(String id);

    /** Sessions newest first, filtered and paged. */
    CompletionStage<List<StoredSession>> list(SessionQuery query);

    /** All of the session's events in arrival order, with their findings (empty for an unknown session). */
    CompletionStage<List<StoredEvent>> events(String sessionId);

    /** A page of the session's events, with their findings. */
    CompletionStage<List<StoredEvent>> events(EventQuery query);

    /**
     * Findings across sessions, newest first (by the arrival of their request), paged: the requests' own and the
     * session-level ones.
     */
    CompletionStage<List<RecordedFinding>> findings(FindingQuery query);

    /**
     * Replaces a session's session-level findings with the linter's, and notes which player sent it, if the session
     * still stands as the linter read it (as many events, the same state); a session that moved on since is left
     * for the linter's next reading.
     *
     * @return the session-level findings replaced, or empty if the session moved on or is gone
     */
    CompletionStage<Optional<List<Finding>>> replaceSessionFindings(SessionLint lint);

    /** A session's session-level findings, in the order the linter gave them (empty before it has read it). */
    CompletionStage<List<Finding>> sessionFindings(String sessionId);

    /** Every player the linter has seen, in order of name, SDK and library version, with its findings. */
    CompletionStage<List<PlayerFindings>> findingsByPlayer();

    /**
     * Expires every session whose timeout has run out by {@code now}; each is expired once. What each write expired is
     * handed to {@code expired} as soon as it is committed: after an outage a sweep closes hundreds of thousands of
     * sessions, a chunk at a time, and gathering them all first held their ids until the end, then handed them over at
     * once, on the CPU the players' requests need.
     *
     * @return completes once the sweep is over, with how many sessions it expired
     */
    CompletionStage<Integer> expireSessions(Instant now, Consumer<ExpiredSessions> expired);

    /** Deletes the sessions that stopped taking events before {@code cutoff}, with their events. */
    CompletionStage<Integer> deleteClosedBefore(Instant cutoff);

    /**
     * Proves the store can take a write right now, the way writes are taken (for readiness): completes once it has,
     * or fails with {@link StoreUnavailableException} saying why not (full, refused by the database, unreachable).
     */
    CompletionStage<Void> proveWritable();

    /** How many sessions take events (open or complete) in the whole store, every instance's. */
    CompletionStage<Long> countOpenSessions();

    /**
     * Sessions that stopped taking events at or before {@code closedBy} and whose metrics are not stored yet, those
     * that closed first first, at most {@code limit}: what the finaliser has to do.
     */
    CompletionStage<List<StoredSession>> awaitingMetrics(Instant closedBy, int limit);

    /**
     * Keeps a closed session's final metrics with it, for reports, through the writers like any write.
     *
     * @param eventCount how many events the metrics were computed from
     * @return {@code true} once stored; {@code false}, storing nothing, when the session is not closed, no longer
     *         has that many events (one arrived meanwhile: the metrics are out of date) or no longer exists
     */
    CompletionStage<Boolean> storeMetrics(String sessionId, long eventCount, MediaMetrics metrics);

    /**
     * The totals of the sessions the query selects, by group key ({@link ReportDimension#keyOf}). A session whose
     * metrics are stored is added up by the store (by the database, for the SQL stores: never loaded); every other
     * one (still open, or closed but not yet finalised) is read with its events and handed to {@code replay}, and
     * the metrics it returns are added.
     */
    CompletionStage<Map<String, MetricTotals>> report(ReportQuery query,
            BiFunction<Session, List<StoredEvent>, MediaMetrics> replay);

    /** The store's outbox, for the stores that keep one (the durable ones); see {@link Outbox}. */
    default Optional<Outbox> outbox() {
        return Optional.empty();
    }

    /** Where relays stand with each session, for the stores that keep an outbox; see {@link RelayLedger}. */
    default Optional<RelayLedger> relayLedger() {
        return Optional.empty();
    }
}
