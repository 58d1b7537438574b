package dev.mediacollection.stream.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionIds;
import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.store.OutboxEntry;
import dev.mediacollection.store.SessionRelay;
import dev.mediacollection.store.StoreObserver;
import dev.mediacollection.store.jdbc.GroupCommitSettings;
import dev.mediacollection.store.jdbc.JdbcSessionStore;
import dev.mediacollection.store.jdbc.JdbcStores;
import dev.mediacollection.stream.Destination;
import dev.mediacollection.stream.OutboxRelay;
import dev.mediacollection.stream.RelayObserver;
import dev.mediacollection.stream.RelaySettings;
import dev.mediacollection.support.ScriptedUpstream;
import dev.mediacollection.support.ScriptedUpstream.Answer;
import dev.mediacollection.support.TestClock;
import io.vertx.core.Vertx;

/**
 * The relay to an upstream Media Collection API, round by round, against a real HTTP server that answers as each
 * test scripts it, on the embedded store; the relay's clock is the test's, so that a wait after a failure ends
 * exactly when the test says.
 */
class UpstreamRelayTest {

    static final Instant T0 = TestClock.START;
    static final Duration FIRST_RETRY = Duration.ofMillis(100);
    static final RelaySettings SETTINGS = new RelaySettings(50, FIRST_RETRY, Duration.ofSeconds(2),
            Duration.ofSeconds(15));
    static final Duration TIMEOUT = Duration.ofMillis(500);

    static Vertx vertx;

    @TempDir
    Path dataDir;
    private final TestClock clock = new TestClock();
    private final List<OutboxRelay> relays = new ArrayList<>();
    private final List<String> excluded = new ArrayList<>();
    private final List<String> attempts = new ArrayList<>();
    private JdbcSessionStore store;
    private ScriptedUpstream upstream;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void open() {
        store = store(Set.of(UpstreamDestination.NAME));
        upstream = ScriptedUpstream.start();
    }

    @AfterEach
    void close() throws Exception {
        relays.forEach(OutboxRelay::close);
        store.close();
        upstream.close();
    }

    private JdbcSessionStore store(Set<String> destinations) {
        return JdbcStores.embedded(dataDir, new SessionTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(30),
                Duration.ofSeconds(5)), new GroupCommitSettings(1, 64, Duration.ZERO, 10_000), 2, StoreObserver.NONE,
                destinations);
    }

    private UpstreamDestination destination(String url, SessionFilter filter) {
        return destination(url, filter, 8);
    }

    private UpstreamDestination destination(String url, SessionFilter filter, int connections) {
        return new UpstreamDestination(vertx, new UpstreamSettings(URI.create(url), TIMEOUT, connections), store,
                filter,
                SETTINGS, clock, new UpstreamObserver() {
                    @Override
                    public void answered(Request request, Outcome outcome, long nanos) {
                        synchronized (attempts) {
                            attempts.add(request.label() + " " + outcome.label());
                        }
                    }

                    @Override
                    public void excluded() {
                        excluded.add("excluded");
                    }
                });
    }

    private OutboxRelay relay() {
        return relay(destination(upstream.url(), SessionFilter.ALL));
    }

    private OutboxRelay relay(Destination destination) {
        OutboxRelay relay = new OutboxRelay(store, destination, SETTINGS, clock, RelayObserver.NONE, "test");
        relays.add(relay);
        return relay;
    }

    /** Rounds until one finds nothing to take (a failed round counts as one), at most ten. */
    private static void relayUntilCaughtUp(OutboxRelay relay) throws InterruptedException {
        for (int round = 0; round < 10; round++) {
            try {
                if (relay.relayOnce() == OutboxRelay.Round.CAUGHT_UP) {
                    return;
                }
            } catch (OutboxRelay.RelayFailure expectedWhileTheUpstreamFails) {
                // the next round goes on with whatever is not held back
            }
        }
        throw new AssertionError("The relay did not catch up in ten rounds");
    }

    private static String start(String mediaId, String channel) {
        return "{\"playerTime\":{\"playhead\":0,\"ts\":1509045324153}, \"eventType\":\"sessionStart\","
                + " \"params\":{\"media.id\":\"" + mediaId + "\",\"media.channel\":\"" + channel + "\"}}";
    }

    /** Opens a live session with this sessionStart body; returns its id. */
    private String open(String startBody) {
        Session session = new Session(SessionIds.next(), T0, new ReceivedEvent(EventType.SESSION_START, 0,
                T0.toEpochMilli(), T0, startBody), "video", "player", "sports", "vod", Lifecycle.opened(T0, 0));
        store.create(session).toCompletableFuture().join();
        return session.id();
    }

    /** Appends an event whose body says which it is, and of which session; returns the body. */
    private String append(String sessionId, EventType type, int n) {
        String body = "{\"playerTime\":{\"playhead\":" + n + ",\"ts\":" + (T0.toEpochMilli() + n) + "},"
                + " \"eventType\":\"" + type.wireName() + "\", \"n\":" + n + ", \"of\":\"" + sessionId + "\"}";
        store.append(sessionId, new ReceivedEvent(type, n, T0.toEpochMilli() + n, T0.plusMillis(n), body))
                .toCompletableFuture().join();
        return body;
    }

    private List<String> pings(String sessionId, int count) {
        List<String> bodies = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            bodies.add(append(sessionId, EventType.PING, n));
        }
        return bodies;
    }

    private SessionRelay ledger(String sessionId) {
        return store.relayLedger().orElseThrow().sessions(UpstreamDestination.NAME, List.of(sessionId))
                .toCompletableFuture().join().get(sessionId);
    }

    private List<OutboxEntry> waiting() {
        // Held back or not.
        return store.pending(UpstreamDestination.NAME, 1_000, T0.plus(Duration.ofDays(365))).toCompletableFuture()
                .join();
    }

    private static List<String> bodies(List<ScriptedUpstream.Request> requests) {
        return requests.stream().map(ScriptedUpstream.Request::body).toList();
    }

    private static List<String> paths(List<ScriptedUpstream.Request> requests) {
        return requests.stream().map(ScriptedUpstream.Request::path).toList();
    }

    // --- in order, as received ------------------------------------------------------------------------------------

    @Test
    void eachSessionIsOpenedWithItsStartAsReceivedAndItsEventsFollowInOrderEachAfterThePreviousWasAnswered()
            throws Exception {
        upstream.delay(Duration.ofMillis(30));
        List<String> sessions = new ArrayList<>();
        List<List<String>> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String body = start("video-" + i, "sports");
            String session = open(body);
            sessions.add(session);
            List<String> bodies = new ArrayList<>(List.of(body));
            bodies.addAll(pings(session, 3));
            bodies.add(append(session, EventType.SESSION_END, 4));
            sent.add(bodies);
        }

        relayUntilCaughtUp(relay());

        for (int i = 0; i < sessions.size(); i++) {
            String upstreamId = ledger(sessions.get(i)).remoteId().orElseThrow();
            List<ScriptedUpstream.Request> received = upstream.receivedFor(upstreamId);
            assertThat(bodies(received)).as("session %d, byte for byte, in arrival order", i)
                    .containsExactlyElementsOf(sent.get(i));
            assertThat(paths(received)).containsExactly("/api/v1/sessions",
                    "/api/v1/sessions/" + upstreamId + "/events", "/api/v1/sessions/" + upstreamId + "/events",
                    "/api/v1/sessions/" + upstreamId + "/events", "/api/v1/sessions/" + upstreamId + "/events");
        }
        assertThat(upstream.received()).as("nothing else: a close is the upstream's own business").hasSize(15);
        assertThat(upstream.mostInFlightPerSession()).as("a session's requests, one at a time").isEqualTo(1);
        assertThat(upstream.mostInFlight()).as("sessions side by side").isGreaterThan(1);
        assertThat(waiting()).isEmpty();
        assertThat(attempts).hasSize(15).containsOnly("sessionStart acknowledged", "event acknowledged");
    }

    @Test
    void noMoreSessionsGoAtOnceThanThereAreConnections() throws Exception {
        upstream.delay(Duration.ofMillis(30));
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sessions.add(open(start("video-" + i, "sports")));
            pings(sessions.get(i), 2);
        }

        relayUntilCaughtUp(relay(destination(upstream.url(), SessionFilter.ALL, 2)));

        assertThat(upstream.mostInFlight()).isEqualTo(2);
        assertThat(upstream.received()).hasSize(15);
        assertThat(waiting()).isEmpty();
    }

    @Test
    void aDownloadedSessionGoesWholeToTheBatchEndpointAsOneArrayOfItsRequestsAsReceived() throws Exception {
        String startBody = start("offline", "sports");
        Session opened = new Session(SessionIds.next(), T0, new ReceivedEvent(EventType.SESSION_START, 0,
                T0.toEpochMilli(), T0, startBody), "offline", "player", "sports", "vod", Lifecycle.opened(T0, 0));
        List<ReceivedEvent> events = List.of(
                new ReceivedEvent(EventType.PLAY, 0, T0.toEpochMilli(), T0, "{\"eventType\": \"play\"}"),
                new ReceivedEvent(EventType.SESSION_END, 5, T0.toEpochMilli() + 5, T0,
                        "{\"eventType\":\"sessionEnd\"}"));
        store.create(opened.withLifecycle(opened.lifecycle().closedAsDownloaded(T0)), events).toCompletableFuture()
                .join();

        relayUntilCaughtUp(relay());

        assertThat(upstream.received()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/api/v1/downloaded");
            assertThat(request.body()).isEqualTo("[" + startBody + ",{\"eventType\": \"play\"},"
                    + "{\"eventType\":\"sessionEnd\"}]");
        });
        assertThat(ledger(opened.id()).remoteId()).hasValue("%064x".formatted(1));
        assertThat(waiting()).isEmpty();
    }

    // --- refused, failed, retried ---------------------------------------------------------------------------------

    @Test
    void anUpstream4xxRefusesTheSessionWithWhatItAnsweredAndNothingMoreOfItIsSent() throws Exception {
        String refused = open(start("refused", "sports"));
        List<String> refusedEvents = pings(refused, 4);
        String other = open(start("other", "sports"));
        List<String> otherEvents = pings(other, 4);
        String problem = "{\"title\":\"Bad Request\",\"status\":400}";
        upstream.script(request -> request.body().equals(refusedEvents.get(1))
                ? Optional.of(Answer.status(400, problem)) : Optional.empty());

        relayUntilCaughtUp(relay());
        append(refused, EventType.PING, 5);
        relayUntilCaughtUp(relays.get(0));

        SessionRelay relay = ledger(refused);
        assertThat(relay.outcome()).isEqualTo(SessionRelay.Outcome.REFUSED);
        assertThat(relay.detail()).hasValue("upstream refused: 400, " + problem);
        assertThat(bodies(upstream.receivedFor(relay.remoteId().orElseThrow())))
                .containsExactly(start("refused", "sports"), refusedEvents.get(0), refusedEvents.get(1));
        assertThat(bodies(upstream.receivedFor(ledger(other).remoteId().orElseThrow())))
                .containsExactly(start("other", "sports"), otherEvents.get(0), otherEvents.get(1),
                        otherEvents.get(2), otherEvents.get(3));
        assertThat(waiting()).as("the rest of the refused session is dropped from the outbox").isEmpty();
        assertThat(attempts).containsOnlyOnce("event refused");
    }

    @Test
    void a5xxHoldsOnlyItsSessionBackAndItIsTriedAgainAfterAWaitThatDoublesOnTheClock() throws Exception {
        String failing = open(start("failing", "sports"));
        List<String> failingEvents = pings(failing, 2);
        String other = open(start("other", "sports"));
        OutboxRelay relay = relay();
        List<Integer> failures = new ArrayList<>(List.of(500, 503));
        upstream.script(request -> request.body().equals(failingEvents.get(0)) && !failures.isEmpty()
                ? Optional.of(Answer.status(failures.remove(0), "{\"title\":\"down\"}")) : Optional.empty());

        relayUntilCaughtUp(relay);

        SessionRelay held = ledger(failing);
        assertThat(held.attempts()).isEqualTo(1);
        assertThat(held.retryAt()).hasValue(T0.plus(FIRST_RETRY));
        assertThat(held.lastFailure()).hasValue("upstream answered 500");
        assertThat(ledger(other).remoteId()).as("the other session went on").isPresent();
        int received = upstream.received().size();

        clock.advance(FIRST_RETRY.minusMillis(1));
        relayUntilCaughtUp(relay);
        assertThat(upstream.received()).as("nothing before its time").hasSize(received);

        clock.advance(Duration.ofMillis(1));
        relayUntilCaughtUp(relay);
        held = ledger(failing);
        assertThat(held.attempts()).isEqualTo(2);
        assertThat(held.retryAt()).hasValue(clock.instant().plus(FIRST_RETRY.multipliedBy(2)));
        assertThat(held.lastFailure()).hasValue("upstream answered 503");

        clock.advance(FIRST_RETRY.multipliedBy(2));
        relayUntilCaughtUp(relay);

        SessionRelay relayed = ledger(failing);
        assertThat(relayed.attempts()).isZero();
        assertThat(relayed.retryAt()).isEmpty();
        assertThat(relayed.lastFailure()).isEmpty();
        assertThat(bodies(upstream.receivedFor(relayed.remoteId().orElseThrow()))).containsExactly(
                start("failing", "sports"), failingEvents.get(0), failingEvents.get(0), failingEvents.get(0),
                failingEvents.get(1));
        assertThat(waiting()).isEmpty();
        assertThat(attempts).filteredOn("event failed"::equals).hasSize(2);
    }

    @Test
    void anUpstreamThatDoesNotAnswerInTimeIsTriedAgainLikeA5xx() throws Exception {
        String session = open(start("slow", "sports"));
        List<String> events = pings(session, 1);
        List<Answer> answers = new ArrayList<>(List.of(Answer.NONE));
        upstream.script(request -> request.body().equals(events.get(0)) && !answers.isEmpty()
                ? Optional.of(answers.remove(0)) : Optional.empty());
        OutboxRelay relay = relay();

        relayUntilCaughtUp(relay);

        SessionRelay held = ledger(session);
        assertThat(held.attempts()).isEqualTo(1);
        assertThat(held.lastFailure()).hasValueSatisfying(reason -> assertThat(reason).containsIgnoringCase("timeout"));
        clock.advance(FIRST_RETRY);
        relayUntilCaughtUp(relay);
        assertThat(bodies(upstream.receivedFor(held.remoteId().orElseThrow()))).containsExactly(
                start("slow", "sports"), events.get(0), events.get(0));
        assertThat(waiting()).isEmpty();
    }

    @Test
    void anUpstreamThatCannotBeReachedHoldsEverythingBackUntilItCanBe() throws Exception {
        String session = open(start("unreachable", "sports"));
        List<String> events = pings(session, 2);
        String closedPort;
        try (ScriptedUpstream gone = ScriptedUpstream.start()) {
            closedPort = gone.url();
        }
        OutboxRelay unreachable = relay(destination(closedPort, SessionFilter.ALL));

        relayUntilCaughtUp(unreachable);

        SessionRelay held = ledger(session);
        assertThat(held.attempts()).isEqualTo(1);
        assertThat(held.remoteId()).isEmpty();
        assertThat(held.lastFailure()).hasValueSatisfying(reason -> assertThat(reason).contains("refused"));
        assertThat(waiting()).hasSize(3);
        unreachable.close();

        clock.advance(FIRST_RETRY);
        relayUntilCaughtUp(relay());
        assertThat(bodies(upstream.received())).containsExactly(start("unreachable", "sports"), events.get(0),
                events.get(1));
    }

    // --- nothing twice ----------------------------------------------------------------------------------------------

    /**
     * Each answer is kept with the entry's removal, not at the end of the round: a relay that stops after some of a
     * session was acknowledged (a crash, a restart) leaves exactly the rest to the next.
     */
    @Test
    void whatTheUpstreamAcknowledgedIsNotSentAgainByTheNextRelay() throws Exception {
        String session = open(start("restarted", "sports"));
        List<String> events = pings(session, 4);
        upstream.script(request -> request.body().equals(events.get(2))
                ? Optional.of(Answer.status(502, "")) : Optional.empty());
        UpstreamDestination first = destination(upstream.url(), SessionFilter.ALL);

        Destination.Delivery delivery = first.deliver(store.pending(UpstreamDestination.NAME, 50, T0)
                .toCompletableFuture().join());
        first.close();
        assertThat(delivery.delivered()).hasSize(3);
        assertThat(delivery.failure()).isPresent();

        upstream.script(request -> Optional.empty());
        clock.advance(FIRST_RETRY);
        relayUntilCaughtUp(relay());

        assertThat(bodies(upstream.received())).containsExactly(start("restarted", "sports"), events.get(0),
                events.get(1), events.get(2), events.get(2), events.get(3));
    }

    // --- which sessions ---------------------------------------------------------------------------------------------

    @Test
    void aSessionTheFilterLeavesOutIsNotSentAtAllAndSaysWhy() throws Exception {
        String sports = open(start("kept", "sports"));
        String news = open(start("left-out", "news"));
        pings(news, 2);
        pings(sports, 1);

        relayUntilCaughtUp(relay(destination(upstream.url(), new ChannelFilter(Set.of("sports", "kids")))));
        append(news, EventType.SESSION_END, 3);
        relayUntilCaughtUp(relays.get(0));

        assertThat(ledger(news).outcome()).isEqualTo(SessionRelay.Outcome.EXCLUDED);
        assertThat(ledger(news).detail())
                .hasValue("media.channel \"news\" is not one of mc.relay.channels [kids, sports]");
        assertThat(upstream.received()).extracting(ScriptedUpstream.Request::body)
                .noneMatch(body -> body.contains("left-out") || body.contains("\"n\":2") || body.contains("\"n\":3"));
        assertThat(upstream.received()).hasSize(2);
        assertThat(excluded).hasSize(1);
        assertThat(waiting()).isEmpty();
    }

    @Test
    void aSessionOpenedBeforeTheRelayWasOnIsNotSentPiecemeal() throws Exception {
        store.close();
        store = store(Set.of());
        String session = open(start("before", "sports"));
        store.close();
        store = store(Set.of(UpstreamDestination.NAME));
        pings(session, 1);

        relayUntilCaughtUp(relay());

        assertThat(ledger(session).outcome()).isEqualTo(SessionRelay.Outcome.EXCLUDED);
        assertThat(ledger(session).detail()).hasValueSatisfying(
                detail -> assertThat(detail).contains("opened before the relay was on"));
        assertThat(upstream.received()).isEmpty();
    }

    // --- what the upstream says -------------------------------------------------------------------------------------

    @Test
    void theUpstreamSessionIdIsTheSegmentAfterSessionsInTheLocationRelativeOrAbsolute() {
        assertThat(UpstreamDestination.sessionIdIn("/api/v1/sessions/bfcca2ca")).hasValue("bfcca2ca");
        assertThat(UpstreamDestination.sessionIdIn("https://ns.hb-api.omtrdc.net/va/api/v1/sessions/ab12?x=1"))
                .hasValue("ab12");
        assertThat(UpstreamDestination.sessionIdIn("/api/v1/other")).isEmpty();
    }

    @Test
    void aRefusalKeepsTheStatusAndTheStartOfTheBody() {
        assertThat(UpstreamDestination.refusal(410, "")).isEqualTo("upstream refused: 410");
        assertThat(UpstreamDestination.refusal(400, " {\"a\":1}\n")).isEqualTo("upstream refused: 400, {\"a\":1}");
        assertThat(UpstreamDestination.refusal(413, "x".repeat(5_000)))
                .hasSize("upstream refused: 413, ".length() + UpstreamDestination.DETAIL_LIMIT + 1).endsWith("x…");
    }

    @Test
    void aSessionStartAnsweredWithoutASessionIdIsRefusedRatherThanLeftHanging() throws Exception {
        String session = open(start("nameless", "sports"));
        pings(session, 1);
        upstream.script(request -> request.opensASession() ? Optional.of(Answer.status(201, ""))
                : Optional.empty());

        relayUntilCaughtUp(relay());

        assertThat(ledger(session).outcome()).isEqualTo(SessionRelay.Outcome.REFUSED);
        assertThat(ledger(session).detail()).hasValueSatisfying(
                detail -> assertThat(detail).startsWith("upstream answered 201 without a session id"));
        assertThat(upstream.received()).hasSize(1);
        assertThat(waiting()).isEmpty();
    }
}
