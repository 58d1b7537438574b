package dev.mediacollection.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mediacollection.store.Outbox;
import dev.mediacollection.store.SessionStore;
import dev.mediacollection.stream.Destination;
import dev.mediacollection.stream.OutboxRelay;
import dev.mediacollection.stream.RelayObserver;
import dev.mediacollection.stream.RelaySettings;
import dev.mediacollection.stream.Relays;
import dev.mediacollection.stream.StreamKind;
import dev.mediacollection.stream.StreamRecords;
import dev.mediacollection.stream.kafka.KafkaDestination;
import dev.mediacollection.stream.upstream.ChannelFilter;
import dev.mediacollection.stream.upstream.SessionFilter;
import dev.mediacollection.stream.upstream.UpstreamDestination;
import dev.mediacollection.stream.upstream.UpstreamObserver;
import dev.mediacollection.stream.upstream.UpstreamSettings;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import io.vertx.core.Vertx;

/**
 * Starts a relay of the store's outbox for each destination configured: the Kafka stream ({@code mc.stream.kind}),
 * the upstream Media Collection API ({@code mc.relay.url}); stops them before the store.
 */
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
            UpstreamObserver upstreamObserver, Vertx vertx, ObjectMapper mapper,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaSettings) {
        // One owner name per instance: its relays hold their destinations' leases under it.
        String owner = UUID.randomUUID().toString();
        List<OutboxRelay> relays = new ArrayList<>();
        CollectorConfig.Stream stream = config.stream();
        if (stream.kind() == StreamKind.KAFKA) {
            Outbox outbox = outbox(store, "mc.stream.kind=" + stream.kind().name().toLowerCase(Locale.ROOT),
                    "mc.stream.kind=none");
            String servers = stream.kafka().bootstrapServers().orElseThrow(() -> new IllegalStateException(
                    "mc.stream.kind=kafka needs mc.stream.kafka.bootstrap-servers (host:port of the Kafka brokers)"));
            KafkaDestination kafka = new KafkaDestination(servers, stream.kafka().topic(), kafkaSettings,
                    new StreamRecords(store, mapper));
            relays.add(new OutboxRelay(outbox, kafka, settings(stream.batchSize(), stream.pollInterval(),
                    stream.maxBackoff()), clock, observer, owner));
            Log.infof("Streaming every accepted write to Kafka topic %s at %s", stream.kafka().topic(), servers);
        }
        CollectorConfig.Relay relay = config.relay();
        if (relay.url().isPresent()) {
            Outbox outbox = outbox(store, "mc.relay.url", "unset mc.relay.url");
            URI url = upstreamUrl(relay.url().get());
            RelaySettings rounds = settings(relay.batchSize(), relay.pollInterval(), relay.maxBackoff());
            SessionFilter filter = relay.channels()
                    .<SessionFilter>map(channels -> new ChannelFilter(new HashSet<>(channels)))
                    .orElse(SessionFilter.ALL);
            Destination upstream = new UpstreamDestination(vertx, new UpstreamSettings(url, relay.timeout(),
                    relay.connections()), store, filter, rounds, clock, upstreamObserver);
            relays.add(new OutboxRelay(outbox, upstream, rounds, clock, observer, owner));
            Log.infof("Relaying every accepted session to the Media Collection API at %s%s", withoutUserInfo(url),
                    relay.channels().map(channels -> " (media.channel " + channels + " only)").orElse(""));
        }
        relays.forEach(OutboxRelay::start);
        return new Relays(relays);
    }

    /** The store's outbox; a store that has none (memory) cannot keep the promise to relay what it acknowledged. */
    private static Outbox outbox(SessionStore store, String setting, String instead) {
        return store.outbox().orElseThrow(() -> new IllegalStateException(setting + " needs a store that keeps its"
                + " data: the in-memory store would lose what it has not relayed yet with the process, so every"
                + " acknowledged write could not reach the destination. Set mc.store.kind=embedded or postgresql,"
                + " or " + instead + "."));
    }

    /** A relay that never waits would poll the database without pause. */
    private static RelaySettings settings(int batchSize, Duration pollInterval, Duration maxBackoff) {
        return new RelaySettings(batchSize, pollInterval.compareTo(SHORTEST_POLL) < 0 ? SHORTEST_POLL : pollInterval,
                maxBackoff, LEASE);
    }

    /** {@code mc.relay.url}, refused at start-up unless it is an absolute http(s) URL with a host. */
    static URI upstreamUrl(String setting) {
        try {
            URI url = new URI(setting.strip());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null && url.getQuery() == null
                    && url.getFragment() == null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below, with what is expected
        }
        throw new IllegalStateException("mc.relay.url must be the base URL of a Media Collection API, such as"
                + " https://namespace.hb-api.omtrdc.net or http://collector.internal:8080 (no query), not \""
                + setting + "\"");
    }

    /** The URL as logged: a {@code user:password@} in it stays out of the logs. */
    static String withoutUserInfo(URI url) {
        return url.getRawUserInfo() == null ? url.toString() : url.toString().replace(url.getRawUserInfo() + "@", "");
    }

    /** Before the store closes (contexts are destroyed after this event), so that the relay's last round ends cleanly. */
    void stop(@Observes ShutdownEvent shutdown, Relays relays) {
        relays.close();
    }

    void close(@Disposes Relays relays) {
        relays.close();
    }
}
