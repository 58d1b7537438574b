package dev.mediacollection.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mediacollection.store.Outbox;
import dev.mediacollection.store.SessionStore;
import dev.mediacollection.stream.OutboxRelay;
import dev.mediacollection.stream.RelayObserver;
import dev.mediacollection.stream.RelaySettings;
import dev.mediacollection.stream.Relays;
import dev.mediacollection.stream.StreamKind;
import dev.mediacollection.stream.StreamRecords;
import dev.mediacollection.stream.kafka.KafkaDestination;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;

/** Starts the stream's relay when one is configured ({@code mc.stream.kind}), and stops it before the store. */
public class StreamProducer {

    /**
     * How long an instance's hold on a destination lasts without renewal: after a crash, another instance takes
     * over within this; while relaying, the holder renews it every few seconds.
     */
    static final Duration LEASE = Duration.ofSeconds(15);
    static final Duration SHORTEST_POLL = Duration.ofMillis(10);

    @Produces
    @Singleton
    @Startup
    Relays relays(CollectorConfig config, SessionStore store, Clock clock, RelayObserver observer,
            ObjectMapper mapper, @Identifier("default-kafka-broker") Map<String, Object> kafkaSettings) {
        CollectorConfig.Stream stream = config.stream();
        if (stream.kind() == StreamKind.NONE) {
            return Relays.none();
        }
        Outbox outbox = store.outbox().orElseThrow(() -> new IllegalStateException("mc.stream.kind="
                + stream.kind().name().toLowerCase(java.util.Locale.ROOT) + " needs a store that keeps its data:"
                + " the in-memory store would lose what it has not relayed yet with the process, so every"
                + " acknowledged write could not reach the stream. Set mc.store.kind=embedded or postgresql,"
                + " or mc.stream.kind=none."));
        String servers = stream.kafka().bootstrapServers().orElseThrow(() -> new IllegalStateException(
                "mc.stream.kind=kafka needs mc.stream.kafka.bootstrap-servers (host:port of the Kafka brokers)"));
        KafkaDestination kafka = new KafkaDestination(servers, stream.kafka().topic(), kafkaSettings,
                new StreamRecords(store, mapper));
        // A relay that never waits would poll the database without pause.
        Duration pollInterval = stream.pollInterval().compareTo(SHORTEST_POLL) < 0 ? SHORTEST_POLL
                : stream.pollInterval();
        OutboxRelay relay = new OutboxRelay(outbox, kafka, new RelaySettings(stream.batchSize(), pollInterval,
                stream.maxBackoff(), LEASE), clock, observer, UUID.randomUUID().toString());
        relay.start();
        Log.infof("Streaming every accepted write to Kafka topic %s at %s", stream.kafka().topic(), servers);
        return new Relays(List.of(relay));
    }

    /** Before the store closes (contexts are destroyed after this event), so that the relay's last round ends cleanly. */
    void stop(@Observes ShutdownEvent shutdown, Relays relays) {
        relays.close();
    }

    void close(@Disposes Relays relays) {
        relays.close();
    }
}
