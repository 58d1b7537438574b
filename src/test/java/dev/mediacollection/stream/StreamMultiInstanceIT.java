package dev.mediacollection.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.mediacollection.support.KafkaBroker;
import dev.mediacollection.support.Postgres;
import dev.mediacollection.support.ServiceProcess;

/**
 * Two instances on one PostgreSQL database, both streaming to one topic: one relays at a time, nothing is skipped,
 * nothing is relayed twice, also when the relaying instance is stopped (as in a rolling restart) and the other
 * takes over.
 */
@Tag("postgresql")
class StreamMultiInstanceIT {

    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start("stream-instances");
    }

    @AfterAll
    static void stopBroker() throws InterruptedException {
        broker.close();
    }

    @Test
    void oneInstanceRelaysAtATimeAndTheOtherTakesOverWithNothingSkippedOrRepeated() throws Exception {
        Postgres.reset();
        String topic = KafkaBroker.newTopic("stream-instances");
        broker.createTopic(topic, 3);
        Map<String, String> settings = new HashMap<>(Postgres.serviceSettings());
        settings.putAll(broker.serviceSettings(topic));
        ServiceProcess first = ServiceProcess.start("stream-instance-a", settings);
        try (ServiceProcess second = ServiceProcess.start("stream-instance-b", settings)) {
            List<ServiceProcess> running = new CopyOnWriteArrayList<>(List.of(first, second));
            StreamLoad load = new StreamLoad(8, () -> running.stream().map(ServiceProcess::baseUrl).toList());
            Thread.sleep(4_000);

            assertThat(List.of(relaying(first), relaying(second))).as("instances relaying").containsOnlyOnce(true);
            ServiceProcess relaying = relaying(first) ? first : second;
            ServiceProcess other = relaying == first ? second : first;
            running.remove(relaying);
            relaying.close();
            Thread.sleep(3_000);
            load.close();
            assertThat(load.refused.get()).as("answers other than 201 or 204").isZero();

            List<ConsumerRecord<String, String>> read = broker.read(topic,
                    records -> new TopicRecords(records).holdsAll(load.acknowledged), Duration.ofSeconds(60));
            TopicRecords topicRecords = new TopicRecords(read);
            System.out.printf("Two instances: %d sessions and %d events acknowledged, %d records on the topic%n",
                    load.acknowledged.size(), load.events.get(), read.size());
            assertThat(topicRecords.holdsAll(load.acknowledged)).as("every acknowledged write on the topic").isTrue();
            assertThat(topicRecords.duplicates()).as("records relayed twice").isZero();
            topicRecords.assertEachSessionInOrderAndConforming();
            assertThat(relaying(other)).as("the remaining instance took over").isTrue();
        } finally {
            first.close();
        }
    }

    private static boolean relaying(ServiceProcess instance) {
        return given().get(instance.baseUrl() + "/q/health/ready").then().statusCode(200).extract().jsonPath()
                .getBoolean("checks.find { it.name == 'outbox' }.data.'kafka.relaying'");
    }
}
