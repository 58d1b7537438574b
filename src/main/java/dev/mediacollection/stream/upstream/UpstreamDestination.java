package dev.mediacollection.stream.upstream;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.StoredEvent;
import dev.mediacollection.store.OutboxEntry;
import dev.mediacollection.store.RelayLedger;
import dev.mediacollection.store.SessionRelay;
import dev.mediacollection.store.SessionStore;
import dev.mediacollection.stream.Destination;
import dev.mediacollection.stream.OutboxRelay;
import dev.mediacollection.stream.RelaySettings;
import io.vertx.core.Vertx;

/**
 * An upstream Media Collection API (Adobe's, or another instance of this service), fed as a player would feed it:
 * each session opened with its {@code sessionStart} exactly as received, its events posted to the session the
 * upstream named in its {@code Location}, in arrival order and each only after the previous one was answered, and a
 * downloaded session posted whole to {@code /api/v1/downloaded}. Sessions go in parallel.
 *
 * <p>Each answer is written to the store's {@link RelayLedger} before the session's next request, together with the
 * removal of the entry: what the upstream acknowledged is never sent again, whatever happens to this process later.
 * A 4xx settles the session as refused (saying the status and body) and nothing more of it is sent; a 5xx, a
 * timeout or a connection that fails holds that session back, for a wait that doubles with each failure up to the
 * maximum, while the others go on. Sessions the {@link SessionFilter} leaves out are not sent at all.
 */
public final class UpstreamDestination implements Destination {

    /** The name its outbox entries are kept under. */
    public static final String NAME = "upstream";
    /** How much of a refusal's body is kept with the session. */
    static final int DETAIL_LIMIT = 2_000;
    static final String SESSIONS = "/api/v1/sessions";
    static final String DOWNLOADED = "/api/v1/downloaded";
    /** The session id in a {@code Location}: the segment after {@code /sessions/}, as Adobe's SDKs read it. */
    private static final Pattern SESSION_ID = Pattern.compile("/sessions/([^/?#]+)");

    private final UpstreamClient upstream;
    private final int lanes;
    private final SessionStore store;
    private final RelayLedger ledger;
    private final SessionFilter filter;
    private final RelaySettings retries;
    private final Clock clock;
    private final UpstreamObserver observer;

    /**
     * @param settings where the upstream is, and how long an attempt may take
     * @param retries  the first wait after a failed attempt ({@link RelaySettings#pollInterval()}), and the longest
     */
    public UpstreamDestination(Vertx vertx, UpstreamSettings settings, SessionStore store, SessionFilter filter,
            RelaySettings retries, Clock clock, UpstreamObserver observer) {
        this.upstream = new UpstreamClient(vertx, settings.url(), settings.timeout(), settings.connections());
        this.lanes = settings.connections();
        this.store = store;
        this.ledger = store.relayLedger().orElseThrow(() -> new IllegalArgumentException(
                "The relay to an upstream needs a store that keeps an outbox"));
        this.filter = filter;
        this.retries = retries;
        this.clock = clock;
        this.observer = observer;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Each session's entries in order, the sessions side by side in as many lanes as there are connections (so that
     * no request waits for a connection: its timeout is the upstream's alone); returns once every session stopped.
     */
    @Override
    public Delivery deliver(List<OutboxEntry> entries) throws InterruptedException {
        Map<String, List<OutboxEntry>> bySession = new LinkedHashMap<>();
        entries.forEach(entry -> bySession.computeIfAbsent(entry.sessionId(), id -> new ArrayList<>()).add(entry));
        Map<String, SessionRelay> known = await(ledger.sessions(NAME, bySession.keySet()));
        List<SessionRun> runs = new ArrayList<>();
        bySession.forEach((sessionId, sessionEntries) -> runs.add(new SessionRun(sessionEntries,
                Optional.ofNullable(known.get(sessionId)))));
        Queue<SessionRun> waiting = new ConcurrentLinkedQueue<>(runs);
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int lane = 0; lane < Math.min(lanes, runs.size()); lane++) {
            running.add(lane(waiting));
        }
        await(CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)));
        List<Long> delivered = new ArrayList<>();
        Optional<Exception> failure = Optional.empty();
        for (SessionRun run : runs) {
            delivered.addAll(run.delivered);
            if (failure.isEmpty() && run.failure != null) {
                failure = Optional.of(run.failure);
            }
        }
        return new Delivery(delivered, failure);
    }

    /** Runs the waiting sessions one after another; one that needs no request is done at once, in the loop. */
    private static CompletableFuture<Void> lane(Queue<SessionRun> waiting) {
        SessionRun run;
        while ((run = waiting.poll()) != null) {
            CompletableFuture<Void> running = run.start();
            if (!running.isDone()) {
                return running.thenCompose(done -> lane(waiting));
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        upstream.close();
    }

    /** The upstream's id of the session, from the {@code Location} of its answer. */
    static Optional<String> sessionIdIn(String location) {
        Matcher id = SESSION_ID.matcher(location);
        String last = null;
        while (id.find()) {
            last = id.group(1);
        }
        return Optional.ofNullable(last);
    }

    /** "upstream refused: 400, {…}": the status, and the start of the body if there is one. */
    static String refusal(int status, String body) {
        String kept = body.strip();
        if (kept.length() > DETAIL_LIMIT) {
            kept = kept.substring(0, DETAIL_LIMIT) + "…";
        }
        return "upstream refused: " + status + (kept.isEmpty() ? "" : ", " + kept);
    }

    private static <T> T await(CompletionStage<T> stage) throws InterruptedException {
        try {
            return stage.toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("The store failed", e.getCause());
        }
    }

    /** One session's entries of a round, sent one after another. */
    private final class SessionRun {

        private final List<OutboxEntry> entries;
        private SessionRelay.Outcome outcome;
        private Optional<String> remoteId;
        private int attempts;
        private final boolean known;
        final List<Long> delivered = new ArrayList<>();
        Exception failure;

        SessionRun(List<OutboxEntry> entries, Optional<SessionRelay> relay) {
            this.entries = entries;
            this.known = relay.isPresent();
            this.outcome = relay.map(SessionRelay::outcome).orElse(SessionRelay.Outcome.RELAYING);
            this.remoteId = relay.flatMap(SessionRelay::remoteId);
            this.attempts = relay.map(SessionRelay::attempts).orElse(0);
        }

        CompletableFuture<Void> start() {
            return from(0).exceptionally(error -> {
                failure = error instanceof CompletionException && error.getCause() instanceof Exception cause ? cause
                        : error instanceof Exception exception ? exception : new IllegalStateException(error);
                return null;
            });
        }

        /**
         * Settles what needs no request at once (a close: the upstream closes its sessions itself; anything of a
         * session refused or left out), then handles the next entry that does, and goes on once it is written down.
         */
        private CompletableFuture<Void> from(int first) {
            int index = first;
            while (index < entries.size() && (outcome != SessionRelay.Outcome.RELAYING
                    || entries.get(index).kind() == OutboxEntry.Kind.CLOSED)) {
                delivered.add(entries.get(index).position());
                index++;
            }
            if (index == entries.size()) {
                return CompletableFuture.completedFuture(null);
            }
            int next = index + 1;
            return handle(entries.get(index)).thenCompose(goOn -> goOn ? from(next)
                    : CompletableFuture.completedFuture(null));
        }

        /** Completes with whether the session's later entries may follow. */
        private CompletableFuture<Boolean> handle(OutboxEntry entry) {
            boolean opening = entry.kind() == OutboxEntry.Kind.OPENED || entry.kind() == OutboxEntry.Kind.DOWNLOADED;
            if (opening) {
                Optional<String> exclusion = filter.exclusion(entry);
                if (exclusion.isPresent()) {
                    observer.excluded();
                    return settle(entry, SessionRelay.Outcome.EXCLUDED, exclusion.get());
                }
            } else if (remoteId.isEmpty()) {
                return settle(entry, SessionRelay.Outcome.EXCLUDED, known
                        ? "the upstream named no session for it, so its events have nowhere to go"
                        : "it was opened before the relay was on: its sessionStart was never sent upstream");
            }
            UpstreamObserver.Request request = switch (entry.kind()) {
                case OPENED -> UpstreamObserver.Request.SESSION_START;
                case DOWNLOADED -> UpstreamObserver.Request.DOWNLOADED;
                default -> UpstreamObserver.Request.EVENT;
            };
            String path = switch (request) {
                case SESSION_START -> SESSIONS;
                case DOWNLOADED -> DOWNLOADED;
                case EVENT -> SESSIONS + "/" + remoteId.orElseThrow() + "/events";
            };
            long started = System.nanoTime();
            return body(entry).thenCompose(body -> upstream.post(path, body)).handle((answer, error) -> {
                if (error != null) {
                    observer.answered(request, UpstreamObserver.Outcome.FAILED, System.nanoTime() - started);
                    return retryLater(reason(error));
                }
                int status = answer.status();
                if (status >= 200 && status < 300) {
                    observer.answered(request, UpstreamObserver.Outcome.ACKNOWLEDGED, System.nanoTime() - started);
                    Optional<String> named = answer.location().flatMap(UpstreamDestination::sessionIdIn);
                    if (request == UpstreamObserver.Request.SESSION_START && named.isEmpty()) {
                        return settle(entry, SessionRelay.Outcome.REFUSED, "upstream answered " + status
                                + " without a session id in its Location, so the session's events have nowhere to go");
                    }
                    return acknowledged(entry, named);
                }
                if (status >= 400 && status < 500) {
                    observer.answered(request, UpstreamObserver.Outcome.REFUSED, System.nanoTime() - started);
                    return settle(entry, SessionRelay.Outcome.REFUSED, refusal(status, answer.body()));
                }
                observer.answered(request, UpstreamObserver.Outcome.FAILED, System.nanoTime() - started);
                return retryLater("upstream answered " + status);
            }).thenCompose(step -> step);
        }

        /** The request exactly as received; a downloaded session as one array of its requests as received. */
        private CompletableFuture<String> body(OutboxEntry entry) {
            if (entry.request().isEmpty()) {
                return CompletableFuture.failedFuture(new IllegalStateException("Outbox entry " + entry.position()
                        + " (" + entry.kind() + " of session " + entry.sessionId()
                        + ") announces data that is no longer stored"));
            }
            ReceivedEvent request = entry.request().get();
            if (entry.kind() != OutboxEntry.Kind.DOWNLOADED) {
                return CompletableFuture.completedFuture(request.body());
            }
            return store.events(entry.sessionId()).toCompletableFuture().thenApply(events -> {
                StringBuilder batch = new StringBuilder(request.body().length() * (events.size() + 1) + 2)
                        .append('[').append(request.body());
                for (StoredEvent event : events) {
                    if (event.sequence() <= entry.sequence()) {
                        batch.append(',').append(event.event().body());
                    }
                }
                return batch.append(']').toString();
            });
        }

        private CompletableFuture<Boolean> acknowledged(OutboxEntry entry, Optional<String> named) {
            return ledger.delivered(NAME, entry, named, clock.instant()).toCompletableFuture().thenApply(done -> {
                named.ifPresent(id -> remoteId = Optional.of(id));
                attempts = 0;
                delivered.add(entry.position());
                return true;
            });
        }

        private CompletableFuture<Boolean> settle(OutboxEntry entry, SessionRelay.Outcome settled, String detail) {
            return ledger.settled(NAME, entry, settled, detail, clock.instant()).toCompletableFuture()
                    .thenApply(done -> {
                        outcome = settled;
                        delivered.add(entry.position());
                        return true;
                    });
        }

        /** Holds the session back for the next wait of its backoff; its later entries wait with it. */
        private CompletableFuture<Boolean> retryLater(String reason) {
            int failed = attempts + 1;
            Instant now = clock.instant();
            Instant retryAt = now.plus(OutboxRelay.backoff(failed, retries.pollInterval(), retries.maxBackoff()));
            failure = new UpstreamFailure(reason);
            return ledger.failed(NAME, entries.get(0).sessionId(), failed, retryAt, reason, now).toCompletableFuture()
                    .thenApply(done -> {
                        attempts = failed;
                        return false;
                    });
        }
    }

    /** The first cause that says something, as an operator reads it ("Connection refused: /127.0.0.1:8080"). */
    private static String reason(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    /** A request the upstream did not take, to be tried again. */
    static final class UpstreamFailure extends RuntimeException {
        UpstreamFailure(String reason) {
            super(reason);
        }
    }
}
