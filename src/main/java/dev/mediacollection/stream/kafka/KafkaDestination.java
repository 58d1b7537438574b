package dev.mediacollection.stream.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

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
     * Defaults an operator may change with {@code kafka.*} settings: timeouts short enough that a round with the
     * broker down fails within seconds, backs off and tries again, instead of blocking the relay for minutes; and no
     * linger, since a session's next record waits for the previous one's acknowledgement (see {@link #deliver}): a
     * linger would be paid once per record of a session. Records still share batches: those of the sessions side by
     * side, and those that wait while requests are under way.
     */
    private static final Map<String, Object> DEFAULTS = Map.of(
            ProducerConfig.LINGER_MS_CONFIG, 0,
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
     * Sends every entry's records, each session's one after another and the sessions side by side, and returns once
     * every session stopped: all its records acknowledged, or one of them failed. After a send failed, the producer
     * is closed and a fresh one made for the next round, so that nothing of a failed producer's state is carried
     * over; what it may have written without an acknowledgement is written again (at least once).
     *
     * <p>A session's next record is sent only once the previous one was acknowledged. The idempotent producer keeps
     * a partition's batches in order only while it retries them: a batch it gives up on (refused by the broker as
     * larger than the topic's {@code max.message.bytes}, expired after {@code delivery.timeout.ms}) leaves a gap,
     * and the producer bumps its epoch and writes the partition's later batches all the same, so a later record of
     * the session would be on the topic before the earlier one is sent again. One record of a session under way
     * means that a record that fails ends its session's round there. Sessions of the same partition still share
     * batches, so a round takes one acknowledgement per record of its busiest session, not per record.
     */
    @Override
    public Delivery deliver(List<OutboxEntry> entries) throws InterruptedException {
        Map<String, SessionSends> sessions = new LinkedHashMap<>();
        entries.forEach(entry -> sessions.computeIfAbsent(entry.sessionId(), id -> new SessionSends()).entries
                .add(entry));
        Round round = new Round(producer());
        round.run(sessions.values());
        if (round.producerFailed) {
            closeProducer();
        }
        Set<Long> delivered = new HashSet<>();
        Exception failure = null;
        for (SessionSends session : sessions.values()) {
            delivered.addAll(session.delivered);
            failure = failure == null ? session.failure : failure;
        }
        if (delivered.size() < entries.size() && failure == null) {
            failure = new IllegalStateException("The round stopped before every entry was sent");
        }
        return new Delivery(entries.stream().map(OutboxEntry::position).filter(delivered::contains).toList(),
                Optional.ofNullable(failure));
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

    /** One round's sends: the relay's thread sends, and the producer's acknowledgements come back to it. */
    private final class Round {

        private final Producer<String, byte[]> producer;
        private final BlockingQueue<Acknowledgement> acknowledgements = new LinkedBlockingQueue<>();
        private int underWay;
        /** False once a send failed at once for want of the broker: each further one would wait as long. */
        private boolean sending = true;
        boolean producerFailed;

        Round(Producer<String, byte[]> producer) {
            this.producer = producer;
        }

        void run(Collection<SessionSends> sessions) throws InterruptedException {
            sessions.forEach(this::sendNext);
            while (underWay > 0) {
                Acknowledgement acknowledgement = acknowledgements.take();
                underWay--;
                SessionSends session = acknowledgement.session();
                if (acknowledgement.failure() != null) {
                    session.failure = acknowledgement.failure();
                    producerFailed = true;
                } else {
                    session.acknowledged();
                    sendNext(session);
                }
            }
        }

        private void sendNext(SessionSends session) {
            if (!sending) {
                return;
            }
            StreamRecord record;
            try {
                record = session.next();
            } catch (RuntimeException e) {
                // Its data cannot be read: that holds back its session only.
                session.failure = e;
                return;
            }
            if (record == null) {
                return;
            }
            Future<RecordMetadata> sent;
            try {
                sent = producer.send(new ProducerRecord<>(topic, record.key(), record.value()),
                        (metadata, failure) -> acknowledgements.add(new Acknowledgement(session, failure)));
            } catch (KafkaException e) {
                session.failure = e;
                sending = false;
                producerFailed = true;
                return;
            }
            underWay++;
            if (unreachable(sent)) {
                sending = false;
            }
        }
    }

    /**
     * Whether the send failed at once for want of the broker (no metadata, or no room in the producer's buffer,
     * within max.block.ms). A send refused at once for another reason (a record larger than max.request.size)
     * calls back at once too, and holds back its session only.
     */
    private static boolean unreachable(Future<RecordMetadata> sent) {
        if (!sent.isDone()) {
            return false;
        }
        try {
            sent.get();
            return false;
        } catch (ExecutionException e) {
            return e.getCause() instanceof RetriableException;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One session's entries of a round, and how far they got. */
    private final class SessionSends {

        final List<OutboxEntry> entries = new ArrayList<>();
        final List<Long> delivered = new ArrayList<>();
        Exception failure;
        private int current;
        /** The current entry's records not sent yet; null until the entry's turn. */
        private Iterator<StreamRecord> unsent;

        /** The next record to send, or null once the session is done or failed. */
        StreamRecord next() {
            if (failure != null || current == entries.size()) {
                return null;
            }
            if (unsent == null) {
                unsent = records.of(entries.get(current)).iterator();
            }
            return unsent.next();
        }

        /** The record sent last was acknowledged: its entry is delivered once all its records are. */
        void acknowledged() {
            if (!unsent.hasNext()) {
                delivered.add(entries.get(current).position());
                current++;
                unsent = null;
            }
        }
    }

    private record Acknowledgement(SessionSends session, Exception failure) {
    }
}
