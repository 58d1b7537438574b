package dev.mediacollection.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.KafkaBroker;
import dev.mediacollection.support.Scrape;
import dev.mediacollection.support.ServiceProcess;
import dev.mediacollection.support.Spec;
import io.restassured.http.ContentType;

/**
 * The packaged service with its stream on, the embedded store and a real Kafka broker: every accepted write reaches
 * the topic in each session's order, as the read-back API holds it, through a SIGKILL of the service and through a
 * broker outage, while players are answered as if Kafka did not exist.
 */
class StreamIT {

    static final long TS = 1_509_045_325_153L;
    static final int PLAYERS = 8;

    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start("stream-it");
    }

    @AfterAll
    static void stopBroker() throws InterruptedException {
        broker.close();
    }

    private static Map<String, String> settings(String topic, String... more) throws IOException {
        Map<String, String> settings = new HashMap<>(broker.serviceSettings(topic));
        settings.put("mc.store.kind", "embedded");
        settings.put("mc.store.data-dir", Files.createTempDirectory(Path.of("target"), "stream-data")
                .toAbsolutePath().toString());
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return settings;
    }

    @Test
    void everyWriteReachesTheTopicInItsSessionsOrderAsTheReadBackHoldsIt() throws Exception {
        String topic = KafkaBroker.newTopic("stream-readback");
        broker.createTopic(topic, 3);
        try (ServiceProcess service = ServiceProcess.start("stream-readback", settings(topic,
                "mc.sessions.idle-timeout", "3S", "mc.sessions.sweep-interval", "0.5S"))) {
            String base = service.baseUrl();
            // Spacing and indentation a re-serialisation would lose: the record must carry these very bytes.
            String startBody = Spec.example("SessionStartSample").toPrettyString();
            String ended = open(base, startBody);
            // The ping as Adobe's published samples send it, customMetadata and all: kept with a finding.
            ObjectNode ping = Api.event("ping", 10, TS + 10_000);
            ping.putObject("customMetadata");
            for (ObjectNode event : List.of(Api.event("play", 0, TS), ping,
                    Api.event("pauseStart", 12, TS + 12_000), Api.event("sessionEnd", 12, TS + 20_000))) {
                given().contentType(ContentType.JSON).body(event.toString()).post(base + Api.eventsPath(ended))
                        .then().statusCode(204);
            }
            String idle = open(base, Spec.example("SessionStartSample").toString());
            given().contentType(ContentType.JSON).body(Api.event("play", 0, TS).toString())
                    .post(base + Api.eventsPath(idle)).then().statusCode(204);
            String downloaded = Api.idOf(given().contentType(ContentType.JSON)
                    .body(Spec.arrayExample("DownloadedSession").toString()).post(base + Api.DOWNLOADED)
                    .then().statusCode(201).extract().header("Location"));

            List<ConsumerRecord<String, String>> read = broker.read(topic,
                    records -> closed(new TopicRecords(records), List.of(ended, idle, downloaded)),
                    Duration.ofSeconds(60));

            TopicRecords topicRecords = new TopicRecords(read);
            topicRecords.assertEachSessionInOrderAndConforming();
            assertThat(topicRecords.duplicates()).as("no duplicates in normal operation").isZero();
            for (String session : List.of(ended, idle, downloaded)) {
                assertMatchesTheReadBack(base, session, topicRecords.deduplicated(session));
            }
            assertThat(topicRecords.of(downloaded).get(0).get("record").asText()).isEqualTo("downloaded");
            assertThat(topicRecords.of(idle).get(2).get("cause").asText()).isEqualTo("idle");
            assertThat(read.stream().filter(record -> record.key().equals(ended)).findFirst().orElseThrow().value())
                    .contains("\"body\":" + startBody + ",");
            assertThat(topicRecords.of(ended).get(2).get("findings")).extracting(finding -> finding.get("rule").asText())
                    .containsExactly("unknown-key");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Scrape metrics = Scrape.of(base);
                assertThat(metrics.value("mc_outbox_pending", "destination", "kafka")).isZero();
                assertThat(metrics.value("mc_outbox_oldest_pending_seconds", "destination", "kafka")).isZero();
                assertThat(metrics.value("mc_outbox_relayed_total", "destination", "kafka"))
                        .as("entries: 3 opens or uploads, 5 events, 3 closes").isEqualTo(11);
                assertThat(metrics.value("mc_outbox_relay_failures_total", "destination", "kafka")).isZero();
            });
            given().get(base + "/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'outbox' }.status", org.hamcrest.Matchers.equalTo("UP"))
                    .body("checks.find { it.name == 'outbox' }.data.'kafka.relaying'", org.hamcrest.Matchers.is(true))
                    .body("checks.find { it.name == 'outbox' }.data.'kafka.pending'", org.hamcrest.Matchers.is(0));
        }
    }

    @Test
    void everyAcknowledgedWriteIsOnTheTopicAfterTheServiceIsKilledAndRestarted() throws Exception {
        String topic = KafkaBroker.newTopic("stream-sigkill");
        broker.createTopic(topic, 3);
        Map<String, String> settings = settings(topic);
        ServiceProcess service = ServiceProcess.start("stream-sigkill", settings);
        StreamLoad load = new StreamLoad(PLAYERS, () -> List.of(service.baseUrl()));
        Thread.sleep(6_000);
        service.kill();
        load.close();
        assertThat(load.acknowledged).as("sessions acknowledged before the kill").hasSizeGreaterThan(10);

        try (ServiceProcess restarted = ServiceProcess.start("stream-sigkill-restarted", settings)) {
            List<ConsumerRecord<String, String>> read = broker.read(topic,
                    records -> new TopicRecords(records).holdsAll(load.acknowledged), Duration.ofSeconds(90));

            TopicRecords topicRecords = new TopicRecords(read);
            System.out.printf("SIGKILL: %d sessions and %d events acknowledged; %d records on the topic, %d of them"
                    + " again%n", load.acknowledged.size(), load.events.get(), read.size(), topicRecords.duplicates());
            assertThat(topicRecords.holdsAll(load.acknowledged)).as("every acknowledged write on the topic").isTrue();
            topicRecords.assertEachSessionInOrderAndConforming();
        }
    }

    @Test
    void playersAreAnsweredWhileTheBrokerIsDownAndEverythingArrivesOnceItIsBack() throws Exception {
        String topic = KafkaBroker.newTopic("stream-outage");
        broker.createTopic(topic, 3);
        try (ServiceProcess service = ServiceProcess.start("stream-outage", settings(topic))) {
            StreamLoad load = new StreamLoad(PLAYERS, () -> List.of(service.baseUrl()));
            Thread.sleep(3_000);
            broker.stop();
            long beforeOutage = load.acknowledgedWrites();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> Scrape.of(service.baseUrl())
                        .value("mc_outbox_relay_failures_total", "destination", "kafka") > 0);
                Thread.sleep(5_000);
            } finally {
                broker.restart();
            }
            load.close();
            long duringOutage = load.acknowledgedWrites() - beforeOutage;

            assertThat(load.refused.get()).as("answers other than 201 or 204").isZero();
            assertThat(load.unanswered.get()).as("requests without an answer").isZero();
            assertThat(duringOutage).as("writes acknowledged while the broker was down").isGreaterThan(50);
            List<ConsumerRecord<String, String>> read = broker.read(topic,
                    records -> new TopicRecords(records).holdsAll(load.acknowledged), Duration.ofSeconds(90));
            TopicRecords topicRecords = new TopicRecords(read);
            assertThat(topicRecords.holdsAll(load.acknowledged)).as("every acknowledged write on the topic").isTrue();
            topicRecords.assertEachSessionInOrderAndConforming();
            await().atMost(Duration.ofSeconds(10)).until(() -> Scrape.of(service.baseUrl())
                    .value("mc_outbox_pending", "destination", "kafka") == 0);
        }
    }

    private static String open(String base, String body) {
        return Api.idOf(given().contentType(ContentType.JSON).body(body).post(base + Api.SESSIONS)
                .then().statusCode(201).extract().header("Location"));
    }

    private static boolean closed(TopicRecords records, List<String> sessions) {
        return sessions.stream().allMatch(session -> records.of(session).stream()
                .anyMatch(record -> record.get("record").asText().equals("closed")));
    }

    /** The records say what the read-back API says: the same requests, close and final metrics. */
    private static void assertMatchesTheReadBack(String base, String session, List<JsonNode> records)
            throws Exception {
        JsonNode detail = Spec.JSON.readTree(given().get(base + Api.SESSIONS + "/" + session).then().statusCode(200)
                .extract().asString());
        JsonNode events = Spec.JSON.readTree(given().queryParam("limit", 500)
                .get(base + Api.eventsPath(session)).then().statusCode(200).extract().asString()).get("items");
        assertThat(records).hasSize(events.size() + 2);

        assertSameRequest(records.get(0), detail.get("start"));
        for (int i = 0; i < events.size(); i++) {
            assertSameRequest(records.get(i + 1), events.get(i));
        }
        JsonNode closed = records.get(records.size() - 1);
        assertThat(closed.get("cause")).isEqualTo(detail.get("closeCause"));
        assertThat(Instant.parse(closed.get("closedAt").asText()))
                .isEqualTo(Instant.parse(detail.get("closedAt").asText()));
        assertThat(closed.get("metrics")).isEqualTo(detail.get("metrics"));
    }

    private static void assertSameRequest(JsonNode record, JsonNode kept) {
        assertThat(record.get("sequence")).isEqualTo(kept.get("sequence"));
        assertThat(record.get("eventType")).isEqualTo(kept.get("eventType"));
        assertThat(record.get("playhead").asDouble()).isEqualTo(kept.get("playhead").asDouble());
        assertThat(record.get("ts")).isEqualTo(kept.get("ts"));
        assertThat(Instant.parse(record.get("receivedAt").asText()))
                .isEqualTo(Instant.parse(kept.get("receivedAt").asText()));
        assertThat(record.get("body")).isEqualTo(kept.get("body"));
        assertThat(record.get("findings")).isEqualTo(kept.get("findings"));
    }
}
