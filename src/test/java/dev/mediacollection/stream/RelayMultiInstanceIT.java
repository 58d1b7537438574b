package dev.mediacollection.stream;

import static dev.mediacollection.stream.ReadBack.bodies;
import static dev.mediacollection.stream.ReadBack.relayed;
import static dev.mediacollection.stream.ReadBack.requests;
import static dev.mediacollection.stream.ReadBack.sessionCount;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mediacollection.support.Postgres;
import dev.mediacollection.support.ServiceProcess;

/**
 * Two instances on one PostgreSQL database, both relaying to one upstream instance: one relays at a time, and when
 * it is stopped under load (as in a rolling restart) the other takes over from where it stopped, each request
 * reaching the upstream once and in order.
 */
@Tag("postgresql")
class RelayMultiInstanceIT {

    @Test
    void oneInstanceRelaysAtATimeAndTheOtherTakesOverWithEachRequestSentOnce() throws Exception {
        Postgres.reset();
        try (ServiceProcess upstream = ServiceProcess.start("relay-instances-upstream", Map.of("mc.store.kind",
                "embedded", "mc.store.data-dir", Files.createTempDirectory(Path.of("target"), "relay-instances")
                        .toAbsolutePath().toString()))) {
            Map<String, String> settings = new HashMap<>(Postgres.serviceSettings());
            settings.put("mc.relay.url", upstream.baseUrl());
            ServiceProcess first = ServiceProcess.start("relay-instance-a", settings);
            try (ServiceProcess second = ServiceProcess.start("relay-instance-b", settings)) {
                List<ServiceProcess> running = new CopyOnWriteArrayList<>(List.of(first, second));
                StreamLoad load = new StreamLoad(4, () -> running.stream().map(ServiceProcess::baseUrl).toList());
                Thread.sleep(3_000);

                assertThat(List.of(relaying(first), relaying(second))).as("instances relaying").containsOnlyOnce(true);
                ServiceProcess relaying = relaying(first) ? first : second;
                ServiceProcess other = relaying == first ? second : first;
                running.remove(relaying);
                relaying.close();
                Thread.sleep(2_000);
                load.close();
                assertThat(load.refused.get()).as("answers other than 201 or 204").isZero();

                for (Map.Entry<String, Set<String>> session : load.acknowledged.entrySet()) {
                    JsonNode mine = relayed(other.baseUrl(), session.getKey());
                    List<JsonNode> kept = requests(other.baseUrl(), session.getKey());
                    assertThat(bodies(mine.get("start"), kept)).containsAll(session.getValue());
                    assertThat(requests(upstream.baseUrl(), mine.at("/upstream/upstreamId").asText()))
                            .as("the events of %s upstream, each once", session.getKey()).isEqualTo(kept);
                }
                assertThat(sessionCount(upstream.baseUrl())).as("sessions upstream, each opened once")
                        .isEqualTo(sessionCount(other.baseUrl()));
                assertThat(relaying(other)).as("the remaining instance took over").isTrue();
                System.out.printf("Two relaying instances: %d sessions and %d events acknowledged, each once"
                        + " upstream%n", load.acknowledged.size(), load.events.get());
            } finally {
                first.close();
            }
        }
    }

    private static boolean relaying(ServiceProcess instance) {
        return given().get(instance.baseUrl() + "/q/health/ready").then().statusCode(200).extract().jsonPath()
                .getBoolean("checks.find { it.name == 'outbox' }.data.'upstream.relaying'");
    }
}
