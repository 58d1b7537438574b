package dev.mediacollection.stream.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.mediacollection.store.OutboxEntry;
import dev.mediacollection.stream.Destination;
import dev.mediacollection.stream.StreamRecord;
import dev.mediacollection.stream.StreamRecords;

/**
 * An Apache Kafka topic: every entry's records, keyed by session id (a session's records stay in order on one
 * partition), through an idempotent producer that waits for every in-sync replica ({@code acks=all}), so that a
 * record the broker acknowledged is kept and a retry inside the producer never writes it twice.
 */
public final class KafkaDestination implements Destination {

    /** The name its outbox entries are kept under. */
    public static final String NAME = "kafka";

    /**
     * Defaults an operator may change with {@code kafka.*} settings: short enough that a round with the broker
     * down fails within seconds, backs off and tries again, instead of blocking the relay for minutes.
     */
    private static final Map<String, Object> DEFAULTS = Map.of(
            ProducerConfig.LINGER_MS_CONFIG, 5,
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);

    private final String topic;
    private final Map<String, Object> producerSettings;
    private final StreamRecords records;
    private Producer<String, byte[]> producer;

    /**
     * @param bootstrapServers the brokers to start from ({@code host:port,…})
     * @param settings         further producer settings ({@code kafka.*} without the prefix: security, TLS,
     *                         timeouts); those that are not producer settings are ignored
     */
    public KafkaDestination(String bootstrapServers, String topic, Map<String, ?> settings, StreamRecords records) {
        this.topic = topic;
        this.records = records;
        this.producerSettings = producerSettings(bootstrapServers, settings);
    }

    static Map<String, Object> producerSettings(String bootstrapServers, Map<String, ?> settings) {
        Map<String, Object> producer = new HashMap<>(DEFAULTS);
        Set<String> known = ProducerConfig.configNames();
        settings.forEach((name, value) -> {
            if (known.contains(name)) {
                producer.put(name, value);
            }
        });
        // What the stream's guarantees rest on: not for an operator to change.
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, "media-collection");
        return Map.copyOf(producer);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Sends every entry's records, then waits until each was acknowledged or failed. After a send failed, the
     * producer is closed and a fresh one made for the next round, so that nothing of a failed producer's state is
     * carried over; what it may have written without an acknowledgement is written again (at least once). An entry
     * whose data cannot be read holds back its session only.
     */
    @Override
    public Delivery deliver(List<OutboxEntry> entries) throws InterruptedException {
        Producer<String, byte[]> sending = producer();
        List<Sent> sent = new ArrayList<>(entries.size());
        // Sessions with an entry that failed in this round: their later entries are not sent, so that none of a
        // session's records can land after one of its earlier records that did not.
        Map<String, Exception> heldBack = new HashMap<>();
        boolean producerFailed = false;
        for (OutboxEntry entry : entries) {
            Exception earlier = heldBack.get(entry.sessionId());
            if (earlier != null) {
                sent.add(new Sent(entry, List.of(), earlier));
                continue;
            }
            List<StreamRecord> entryRecords;
            try {
                entryRecords = records.of(entry);
            } catch (RuntimeException e) {
                sent.add(new Sent(entry, List.of(), e));
                heldBack.put(entry.sessionId(), e);
                continue;
            }
            List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(entryRecords.size());
            try {
                for (StreamRecord record : entryRecords) {
                    acknowledgements.add(sending.send(new ProducerRecord<>(topic, record.key(), record.value())));
                }
            } catch (KafkaException e) {
                sent.add(new Sent(entry, acknowledgements, e));
                producerFailed = true;
                break;
            }
            sent.add(new Sent(entry, acknowledgements, null));
            Exception refused = failureOf(acknowledgements, false);
            if (refused instanceof RetriableException) {
                // The broker is unreachable: each further send would wait as long for metadata (max.block.ms).
                producerFailed = true;
                break;
            } else if (refused != null) {
                // Refused before it was sent (a record larger than max.request.size): the other sessions go on.
                heldBack.put(entry.sessionId(), refused);
            }
        }
        Exception failure = null;
        try {
            sending.flush();
        } catch (KafkaException e) {
            failure = e;
            producerFailed = true;
        }
        List<Long> delivered = new ArrayList<>();
        Set<String> undelivered = new HashSet<>();
        for (Sent entry : sent) {
            Exception entryFailure = entry.failure() != null ? entry.failure()
                    : failureOf(entry.acknowledgements(), true);
            if (entryFailure != null) {
                failure = failure == null ? entryFailure : failure;
                producerFailed |= entry.failure() == null;
                undelivered.add(entry.entry().sessionId());
            } else if (!undelivered.contains(entry.entry().sessionId())) {
                delivered.add(entry.entry().position());
            }
        }
        if (delivered.size() < entries.size() && failure == null) {
            failure = new IllegalStateException("The round stopped before every entry was sent");
        }
        if (producerFailed) {
            closeProducer();
        }
        return new Delivery(delivered, Optional.ofNullable(failure));
    }

    /**
     * Why one of the sends failed, or null. {@code all}: after the flush, when every send is done; one still
     * pending then was not acknowledged. Otherwise only those already done are looked at.
     */
    private static Exception failureOf(List<Future<RecordMetadata>> acknowledgements, boolean all)
            throws InterruptedException {
        for (Future<RecordMetadata> acknowledgement : acknowledgements) {
            if (!acknowledgement.isDone()) {
                if (all) {
                    return new IllegalStateException("A record was not acknowledged before the round ended");
                }
                continue;
            }
            try {
                acknowledgement.get();
            } catch (ExecutionException e) {
                return e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        return null;
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerSettings, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            producer.close(java.time.Duration.ZERO);
            producer = null;
        }
    }

    /** Waits a moment for sends under way, then lets go of the connections. */
    @Override
    public void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
            producer = null;
        }
    }

    private record Sent(OutboxEntry entry, List<Future<RecordMetadata>> acknowledgements, Exception failure) {
    }
}
