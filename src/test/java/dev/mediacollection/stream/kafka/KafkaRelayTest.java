package dev.mediacollection.stream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionIds;
import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.store.OutboxBacklog;
import dev.mediacollection.store.StoreObserver;
import dev.mediacollection.store.jdbc.GroupCommitSettings;
import dev.mediacollection.store.jdbc.JdbcSessionStore;
import dev.mediacollection.store.jdbc.JdbcStores;
import dev.mediacollection.stream.OutboxRelay;
import dev.mediacollection.stream.RelayObserver;
import dev.mediacollection.stream.RelaySettings;
import dev.mediacollection.stream.StreamRecords;
import dev.mediacollection.support.KafkaBroker;
import dev.mediacollection.support.StreamContract;
import dev.mediacollection.support.TestClock;

/**
 * The relay against a real broker and the embedded store: what was stored goes on the topic in each session's
 * order and leaves the outbox, a stopped broker holds everything back without losing any of it, and one relay at a
 * time works a destination.
 */
class KafkaRelayTest {

    static final Instant T0 = Instant.parse("2026-11-29T09:00:00Z");
    static final ObjectMapper MAPPER = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    static final RelaySettings SETTINGS = new RelaySettings(50, Duration.ofMillis(100), Duration.ofSeconds(1),
            Duration.ofSeconds(15));
    /** Fails a round against a stopped broker within seconds. */
    static final Map<String, Object> QUICK_FAILURE = Map.of("max.block.ms", "2000", "request.timeout.ms", "2000",
            "delivery.timeout.ms", "4000");

    static KafkaBroker broker;
    /**
     * As the service configures it (application.properties): the producer warns at each split and retry of a batch
     * the topic refuses, hundreds of times a second. Held here so that the setting is not collected with the logger.
     */
    static final java.util.logging.Logger SENDER_LOG = java.util.logging.Logger.getLogger(
            "org.apache.kafka.clients.producer.internals.Sender");

    static {
        SENDER_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    @TempDir
    Path dataDir;
    private JdbcSessionStore store;
    private final List<OutboxRelay> relays = new ArrayList<>();
    private final TestClock clock = new TestClock();

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start("relay-test");
    }

    @AfterAll
    static void stopBroker() throws InterruptedException {
        broker.close();
    }

    @AfterEach
    void close() {
        relays.forEach(OutboxRelay::close);
        store.close();
    }

    private JdbcSessionStore store() {
        store = JdbcStores.embedded(dataDir, new SessionTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(30),
                Duration.ofSeconds(5)),
                new GroupCommitSettings(1, 64, Duration.ZERO, 10_000), 2, StoreObserver.NONE,
                Set.of(KafkaDestination.NAME));
        return store;
    }

    private OutboxRelay relay(String topic, String owner) {
        OutboxRelay relay = new OutboxRelay(store, new KafkaDestination(broker.bootstrapServers(), topic, QUICK_FAILURE,
                new StreamRecords(store, MAPPER)), SETTINGS, clock, RelayObserver.NONE, owner);
        relays.add(relay);
        return relay;
    }

    /** Opens a session with {@code events} pings and a sessionEnd; returns its id. */
    private String play(int events) {
        Session session = new Session(SessionIds.next(), T0, new ReceivedEvent(EventType.SESSION_START, 0,
                T0.toEpochMilli(), T0, "{\"eventType\":\"sessionStart\"}"), "video", "player", "sports", "vod",
                Lifecycle.opened(T0, 0));
        store.create(session).toCompletableFuture().join();
        for (int i = 1; i <= events; i++) {
            store.append(session.id(), new ReceivedEvent(i == events ? EventType.SESSION_END : EventType.PING, i,
                    T0.toEpochMilli() + i, T0.plusMillis(i), "{\"n\":" + i + "}")).toCompletableFuture().join();
        }
        return session.id();
    }

    private static void relayUntilCaughtUp(OutboxRelay relay) throws InterruptedException {
        while (relay.relayOnce() != OutboxRelay.Round.CAUGHT_UP) {
            // full batches: more is waiting
        }
    }

    private static Map<String, List<String>> bySession(List<ConsumerRecord<String, String>> records) throws Exception {
        Map<String, List<String>> sessions = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode value = MAPPER.readTree(record.value());
            assertThat(record.key()).isEqualTo(value.get("sessionId").asText());
            assertThat(StreamContract.violations(record.value())).as(record.value()).isEmpty();
            sessions.computeIfAbsent(record.key(), key -> new ArrayList<>())
                    .add(value.get("record").asText() + " " + value.get("sequence").asLong());
        }
        return sessions;
    }

    private static List<String> expected(int events) {
        List<String> records = new ArrayList<>(List.of("opened 0"));
        for (int i = 1; i <= events; i++) {
            records.add("event " + i);
        }
        records.add("closed " + events);
        return records;
    }

    @Test
    void everythingStoredGoesOnTheTopicInEachSessionsOrderAndLeavesTheOutbox() throws Exception {
        store();
        String topic = KafkaBroker.newTopic("relay-order");
        broker.createTopic(topic, 3);
        List<String> sessions = List.of(play(30), play(3), play(60));
        OutboxRelay relay = relay(topic, "a");

        relayUntilCaughtUp(relay);

        Map<String, List<String>> onTopic = bySession(broker.read(topic, read -> read.size() >= 99,
                Duration.ofSeconds(30)));
        assertThat(onTopic).containsOnlyKeys(sessions);
        assertThat(onTopic.get(sessions.get(0))).containsExactlyElementsOf(expected(30));
        assertThat(onTopic.get(sessions.get(1))).containsExactlyElementsOf(expected(3));
        assertThat(onTopic.get(sessions.get(2))).containsExactlyElementsOf(expected(60));
        assertThat(store.backlog(KafkaDestination.NAME).toCompletableFuture().join())
                .isEqualTo(new OutboxBacklog(0, java.util.Optional.empty()));
    }

    @Test
    void aStoppedBrokerHoldsEverythingBackAndNothingIsLostWhenItReturns() throws Exception {
        store();
        String topic = KafkaBroker.newTopic("relay-outage");
        broker.createTopic(topic, 3);
        String before = play(5);
        OutboxRelay relay = relay(topic, "a");
        relayUntilCaughtUp(relay);

        broker.stop();
        String during;
        try {
            during = play(5);
            assertThatThrownBy(relay::relayOnce).isInstanceOf(OutboxRelay.RelayFailure.class);
            assertThat(store.backlog(KafkaDestination.NAME).toCompletableFuture().join().pending()).isEqualTo(7);
        } finally {
            broker.restart();
        }
        relayUntilCaughtUp(relay);

        Map<String, List<String>> onTopic = bySession(broker.read(topic, read -> read.size() >= 14,
                Duration.ofSeconds(30)));
        assertThat(onTopic.get(before)).containsExactlyElementsOf(expected(5));
        assertThat(onTopic.get(during)).containsExactlyElementsOf(expected(5));
        assertThat(store.backlog(KafkaDestination.NAME).toCompletableFuture().join().pending()).isZero();
    }

    /** Opens a session whose sessionStart is {@code bytes} long, with one play. */
    private String big(int bytes) {
        Session big = new Session(SessionIds.next(), T0, new ReceivedEvent(EventType.SESSION_START, 0,
                T0.toEpochMilli(), T0, "{\"eventType\":\"sessionStart\",\"padding\":\"" + "x".repeat(bytes) + "\"}"),
                "video", "player", "sports", "vod", Lifecycle.opened(T0, 0));
        store.create(big).toCompletableFuture().join();
        store.append(big.id(), new ReceivedEvent(EventType.PLAY, 0, T0.toEpochMilli(), T0, "{}")).toCompletableFuture()
                .join();
        return big.id();
    }

    @Test
    void aRecordTooLargeToSendHoldsBackItsSessionOnlyAndIsNeverSkipped() throws Exception {
        store();
        String topic = KafkaBroker.newTopic("relay-too-large");
        broker.createTopic(topic, 1);
        String before = play(2);
        String big = big(5_000);
        String after = play(2);
        Map<String, Object> smallRequests = new java.util.HashMap<>(QUICK_FAILURE);
        smallRequests.put("max.request.size", "3000");
        OutboxRelay relay = new OutboxRelay(store, new KafkaDestination(broker.bootstrapServers(), topic,
                smallRequests, new StreamRecords(store, MAPPER)), SETTINGS, clock, RelayObserver.NONE, "a");
        relays.add(relay);

        assertThatThrownBy(relay::relayOnce).isInstanceOfSatisfying(OutboxRelay.RelayFailure.class, failure -> {
            assertThat(failure).hasMessageContaining("8 of 10 entries delivered");
            assertThat(failure.madeProgress()).isTrue();
        });

        Map<String, List<String>> onTopic = bySession(broker.read(topic, read -> read.size() >= 8,
                Duration.ofSeconds(30)));
        assertThat(onTopic).containsOnlyKeys(before, after);
        assertThat(onTopic.get(after)).containsExactlyElementsOf(expected(2));
        assertThat(store.pending(KafkaDestination.NAME, 10, clock.instant()).toCompletableFuture().join())
                .extracting(entry -> entry.sessionId()).containsExactly(big, big);
        assertThatThrownBy(relay::relayOnce).isInstanceOfSatisfying(OutboxRelay.RelayFailure.class,
                failure -> assertThat(failure.madeProgress()).isFalse());
    }

    /** Kafka refuses the whole batch it came in (per partition): nothing goes until the topic takes it. */
    @Test
    void aRecordTheTopicRefusesIsNeverSkippedAndGoesOnceTheTopicTakesIt() throws Exception {
        store();
        String topic = KafkaBroker.newTopic("relay-refused");
        broker.createTopic(topic, 1, Map.of("max.message.bytes", "2000"));
        String before = play(2);
        String big = big(5_000);
        OutboxRelay relay = relay(topic, "a");

        assertThatThrownBy(relay::relayOnce).isInstanceOf(OutboxRelay.RelayFailure.class);
        assertThat(store.pending(KafkaDestination.NAME, 10, clock.instant()).toCompletableFuture().join())
                .extracting(entry -> entry.sessionId()).endsWith(big, big);

        broker.alterTopic(topic, Map.of("max.message.bytes", "100000"));
        relayUntilCaughtUp(relay);

        Map<String, List<String>> onTopic = bySession(broker.read(topic, read -> read.size() >= 6,
                Duration.ofSeconds(30)));
        assertThat(onTopic.get(before)).containsExactlyElementsOf(expected(2));
        assertThat(onTopic.get(big)).containsExactly("opened 0", "event 1");
    }

    /**
     * A record larger than the producer's batch goes in a batch of its own, and the session's next record in the
     * next batch: the broker refuses the first, and the idempotent producer writes the second all the same (after a
     * refused batch it moves on to the partition's next ones). The relay never lets the second go before the first
     * was acknowledged, so the topic has the session in sequence, each record once.
     */
    @Test
    void aSessionsLaterRecordNeverGoesBeforeAnEarlierOneTheTopicRefused() throws Exception {
        store();
        String topic = KafkaBroker.newTopic("relay-refused-order");
        broker.createTopic(topic, 1, Map.of("max.message.bytes", "20000"));
        String big = big(30_000);
        OutboxRelay relay = relay(topic, "a");

        assertThatThrownBy(relay::relayOnce).isInstanceOf(OutboxRelay.RelayFailure.class);
        broker.alterTopic(topic, Map.of("max.message.bytes", "100000"));
        relayUntilCaughtUp(relay);
        String after = play(1);
        relayUntilCaughtUp(relay);

        Map<String, List<String>> onTopic = bySession(broker.read(topic,
                read -> read.stream().anyMatch(record -> record.key().equals(after) && record.value().contains(
                        "\"closed\"")), Duration.ofSeconds(30)));
        assertThat(onTopic.get(big)).containsExactly("opened 0", "event 1");
        assertThat(onTopic.get(after)).containsExactlyElementsOf(expected(1));
    }

    @Test
    void oneRelayWorksADestinationUntilItsLeaseRunsOut() throws Exception {
        store();
        String topic = KafkaBroker.newTopic("relay-lease");
        broker.createTopic(topic, 1);
        OutboxRelay first = relay(topic, "first");
        OutboxRelay second = relay(topic, "second");
        String session = play(2);

        assertThat(first.relayOnce()).isEqualTo(OutboxRelay.Round.PARTIAL_BATCH);
        String next = play(2);
        assertThat(second.relayOnce()).isEqualTo(OutboxRelay.Round.NOT_RELAYING);
        clock.advance(Duration.ofSeconds(14));
        assertThat(second.relayOnce()).isEqualTo(OutboxRelay.Round.NOT_RELAYING);
        assertThat(store.backlog(KafkaDestination.NAME).toCompletableFuture().join().pending()).isEqualTo(4);

        // The first instance stops renewing (it crashed): once its lease ran out, the second takes over.
        clock.advance(Duration.ofSeconds(2));
        assertThat(second.relayOnce()).isEqualTo(OutboxRelay.Round.PARTIAL_BATCH);
        assertThat(first.relayOnce()).isEqualTo(OutboxRelay.Round.NOT_RELAYING);

        Map<String, List<String>> onTopic = bySession(broker.read(topic, read -> read.size() >= 8,
                Duration.ofSeconds(30)));
        assertThat(onTopic.get(session)).containsExactlyElementsOf(expected(2));
        assertThat(onTopic.get(next)).containsExactlyElementsOf(expected(2));
    }

    @Test
    void aRelayThatStopsGivesItsLeaseUpAndAnotherTakesOverWithinASecond() throws Exception {
        store();
        String topic = KafkaBroker.newTopic("relay-handover");
        OutboxRelay first = relay(topic, "first");
        OutboxRelay second = relay(topic, "second");
        assertThat(first.relayOnce()).isEqualTo(OutboxRelay.Round.CAUGHT_UP);
        assertThat(second.relayOnce()).isEqualTo(OutboxRelay.Round.NOT_RELAYING);

        first.close();
        clock.advance(Duration.ofSeconds(1));

        assertThat(second.relayOnce()).isEqualTo(OutboxRelay.Round.CAUGHT_UP);
    }
}
