package dev.mediacollection.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A real Apache Kafka broker (KRaft, one node acting as broker and controller) in a process of its own, run from its
 * Maven Central artifacts, which the build copies into target/kafka/lib (src/test/kafka/pom.xml): no Docker, nothing
 * installed. On free ports of 127.0.0.1, with its data under target/, so that it can be stopped (or killed) and
 * started again on the same data, as a broker outage does.
 */
public final class KafkaBroker implements AutoCloseable {

    public static final Path LIB = Path.of("target", "kafka", "lib");
    private static final Duration READY_WITHIN = Duration.ofSeconds(90);

    private final String name;
    private final int port;
    private final Path config;
    private Process process;

    private KafkaBroker(String name, int port, Path config) {
        this.name = name;
        this.port = port;
        this.config = config;
    }

    /** Formats a fresh data directory, starts the broker and waits until it answers. */
    public static KafkaBroker start(String name) {
        if (!Files.isDirectory(LIB)) {
            throw new IllegalStateException(LIB + " is missing: the build copies the broker there"
                    + " (./mvnw verify, or ./mvnw -f src/test/kafka/pom.xml package)");
        }
        try {
            int port = freePort();
            int controllerPort = freePort();
            Path dataDir = Files.createTempDirectory(Path.of("target"), "kafka-" + name + "-").toAbsolutePath();
            Path config = dataDir.resolve("server.properties");
            Properties properties = new Properties();
            properties.putAll(Map.ofEntries(
                    Map.entry("process.roles", "broker,controller"),
                    Map.entry("node.id", "1"),
                    Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                    Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                    Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                    Map.entry("controller.listener.names", "CONTROLLER"),
                    Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                    Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                    Map.entry("log.dirs", dataDir.resolve("logs").toString()),
                    // Several partitions, so that per-session order is shown across them, not given by one.
                    Map.entry("num.partitions", "3"),
                    Map.entry("offsets.topic.replication.factor", "1"),
                    Map.entry("transaction.state.log.replication.factor", "1"),
                    Map.entry("transaction.state.log.min.isr", "1"),
                    Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                    Map.entry("share.coordinator.state.topic.min.isr", "1"),
                    Map.entry("group.initial.rebalance.delay.ms", "0")));
            try (var out = Files.newBufferedWriter(config)) {
                properties.store(out, "Single-node KRaft broker for the stream tests");
            }
            KafkaBroker broker = new KafkaBroker(name, port, config);
            broker.run("format", "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString()).waitFor(60, TimeUnit.SECONDS);
            broker.restart();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the broker again on its ports and data (after {@link #stop()} or {@link #kill()}), until it answers. */
    public void restart() throws InterruptedException {
        process = run("broker", "kafka.Kafka", config.toString());
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Kafka broker exited with " + process.exitValue() + "; see "
                        + log("broker"));
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException notYet) {
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("The Kafka broker did not answer within " + READY_WITHIN + "; see "
                + log("broker"));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The settings that point a service process at this broker, streaming to {@code topic}. */
    public Map<String, String> serviceSettings(String topic) {
        return Map.of("mc.stream.kind", "kafka", "mc.stream.kafka.bootstrap-servers", bootstrapServers(),
                "mc.stream.kafka.topic", topic, "mc.stream.max-backoff", "2S",
                // A round against a stopped broker fails within seconds, not the production half-minute.
                "kafka.max.block.ms", "3000", "kafka.request.timeout.ms", "3000", "kafka.delivery.timeout.ms", "6000");
    }

    /** Creates a topic with this many partitions. */
    public void createTopic(String topic, int partitions) throws Exception {
        createTopic(topic, partitions, Map.of());
    }

    /** Creates a topic with this many partitions and these topic settings (such as {@code max.message.bytes}). */
    public void createTopic(String topic, int partitions, Map<String, String> settings) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(settings))).all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** Changes a topic's settings. */
    public void alterTopic(String topic, Map<String, String> settings) throws Exception {
        try (Admin admin = admin()) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    settings.entrySet().stream().map(setting -> new AlterConfigOp(
                            new ConfigEntry(setting.getKey(), setting.getValue()), AlterConfigOp.OpType.SET))
                            .toList())).all().get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Reads the topic from its beginning until what was read satisfies {@code enough} or {@code patience} ran out;
     * returns what was read, each partition in its order.
     */
    public List<ConsumerRecord<String, String>> read(String topic, Predicate<List<ConsumerRecord<String, String>>> enough,
            Duration patience) throws InterruptedException {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            Instant deadline = Instant.now().plus(patience);
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(5))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                if (partitions.isEmpty()) {
                    Thread.sleep(200);
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!enough.test(records) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    /** SIGTERM, as an operator stops a broker, and wait for it to end. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGKILL: the broker dies at once. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                5_000));
    }

    private Process run(String what, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Small and quick to start: a test broker holds little.
                "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", LIB.toAbsolutePath() + "/*", mainClass));
        command.addAll(List.of(arguments));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log(what).toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path log(String what) {
        return Path.of("target", "kafka-" + name + "-" + what + ".log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A topic name no other test uses. */
    public static String newTopic(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
