package dev.mediacollection.stream;

import static dev.mediacollection.stream.ReadBack.bodies;
import static dev.mediacollection.stream.ReadBack.detail;
import static dev.mediacollection.stream.ReadBack.relayed;
import static dev.mediacollection.stream.ReadBack.requests;
import static dev.mediacollection.stream.ReadBack.sessionCount;
import static dev.mediacollection.stream.ReadBack.sessionsWithMediaId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.Scrape;
import dev.mediacollection.support.ServiceProcess;
import dev.mediacollection.support.Spec;
import io.restassured.http.ContentType;

/**
 * Relay mode with a real upstream: two packaged instances of the service, the second started with
 * {@code mc.relay.url} pointing at the first. What players send to the relaying instance reaches the upstream as
 * they sent it, in order, with the same metrics on both sides; through a SIGKILL of the relaying instance under load,
 * and through a stop of the upstream under load, players are answered at once and nothing acknowledged is lost.
 */
class RelayIT {

    static final long TS = 1_509_045_325_153L;
    static final int PLAYERS = 4;

    private static Map<String, String> embedded(String name, String... more) throws IOException {
        Map<String, String> settings = new HashMap<>();
        settings.put("mc.store.kind", "embedded");
        settings.put("mc.store.data-dir", Files.createTempDirectory(Path.of("target"), name).toAbsolutePath()
                .toString());
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return settings;
    }

    private static Map<String, String> relayingTo(ServiceProcess upstream, String name) throws IOException {
        return embedded(name, "mc.relay.url", upstream.baseUrl());
    }

    @Test
    void sessionsRelayedThroughItHaveTheSameEventsAndMetricsOnBothSides() throws Exception {
        try (ServiceProcess upstream = ServiceProcess.start("relay-upstream", embedded("relay-upstream"));
                ServiceProcess relaying = ServiceProcess.start("relay-same", relayingTo(upstream, "relay-same"))) {
            String base = relaying.baseUrl();
            List<String> sessions = new ArrayList<>();
            // Spacing a re-serialisation would lose: the upstream must get these very bytes.
            String live = open(base, Spec.example("SessionStartSample").toPrettyString());
            sessions.add(live);
            long ts = TS;
            for (ObjectNode event : List.of(Api.event("play", 0, ts), Api.event("ping", 10, ts += 10_000),
                    Api.event("adBreakStart", 10, ts += 1), Api.event("adStart", 10, ts += 1),
                    Api.event("adComplete", 10, ts += 15_000), Api.event("adBreakComplete", 10, ts += 1),
                    Api.event("play", 10, ts += 1), Api.event("bufferStart", 20, ts += 10_000),
                    Api.event("play", 20, ts += 2_000), Api.event("pauseStart", 30, ts += 10_000),
                    Api.event("sessionEnd", 30, ts += 5_000))) {
                given().contentType(ContentType.JSON).body(event.toString()).post(base + Api.eventsPath(live))
                        .then().statusCode(204);
            }
            sessions.add(Api.idOf(given().contentType(ContentType.JSON)
                    .body(Spec.arrayExample("DownloadedSession").toString()).post(base + Api.DOWNLOADED)
                    .then().statusCode(201).extract().header("Location")));
            ArrayNode deprecatedForm = Spec.arrayExample("DownloadedSession");
            ((ObjectNode) deprecatedForm.get(0).get("params")).put("media.downloaded", true)
                    .put("media.id", "offline-via-sessions");
            sessions.add(open(base, deprecatedForm.toString()));

            for (String session : sessions) {
                JsonNode mine = relayed(base, session);
                JsonNode theirs = detail(upstream.baseUrl(), mine.at("/upstream/upstreamId").asText());
                assertThat(theirs.get("start").get("body")).isEqualTo(mine.get("start").get("body"));
                assertThat(requests(upstream.baseUrl(), theirs.get("id").asText()))
                        .as("the events of %s upstream", session).isEqualTo(requests(base, session));
                assertThat(theirs.get("metrics")).as("the metrics of %s upstream", session)
                        .isEqualTo(mine.get("metrics"));
                assertThat(theirs.get("state")).isEqualTo(mine.get("state"));
                assertThat(theirs.get("closeCause")).isEqualTo(mine.get("closeCause"));
            }

            Scrape here = Scrape.of(base);
            Scrape there = Scrape.of(upstream.baseUrl());
            for (String eventType : Set.of("play", "ping", "adBreakStart", "adStart", "adComplete", "adBreakComplete",
                    "bufferStart", "pauseStart", "sessionEnd")) {
                assertThat(there.value("mc_requests_seconds_count", "operation", "trackEvent", "status", "204",
                        "event_type", eventType)).as("%s events tracked upstream", eventType)
                        .isEqualTo(here.value("mc_requests_seconds_count", "operation", "trackEvent", "status", "204",
                                "event_type", eventType));
            }
            for (String cause : List.of("session_end", "downloaded")) {
                assertThat(there.value("mc_sessions_closed_total", "cause", cause)).as("sessions closed by %s", cause)
                        .isEqualTo(here.value("mc_sessions_closed_total", "cause", cause));
            }
            assertThat(there.value("mc_sessions_closed_total", "cause", "downloaded")).isEqualTo(2);
            assertThat(here.value("mc_relay_upstream_requests_seconds_count", "request", "sessionStart",
                    "outcome", "acknowledged")).isEqualTo(1);
            assertThat(here.value("mc_relay_upstream_requests_seconds_count", "request", "downloaded",
                    "outcome", "acknowledged")).isEqualTo(2);
            assertThat(here.value("mc_relay_upstream_requests_seconds_count", "request", "event",
                    "outcome", "acknowledged")).isEqualTo(11);
            for (String request : List.of("sessionStart", "event", "downloaded")) {
                assertThat(here.value("mc_relay_upstream_requests_seconds_count", "request", request,
                        "outcome", "failed")).as("%s attempts that failed", request).isZero();
            }
        }
    }

    @Test
    void whatWasAcknowledgedReachesTheUpstreamAfterTheRelayingInstanceIsKilledUnderLoadAndRestarted()
            throws Exception {
        try (ServiceProcess upstream = ServiceProcess.start("relay-upstream-kill", embedded("relay-upstream-kill"))) {
            Map<String, String> settings = relayingTo(upstream, "relay-kill");
            ServiceProcess relaying = ServiceProcess.start("relay-kill", settings);
            StreamLoad load = new StreamLoad(PLAYERS, () -> List.of(relaying.baseUrl()));
            Thread.sleep(5_000);
            relaying.kill();
            load.close();
            assertThat(load.acknowledged).as("sessions acknowledged before the kill").hasSizeGreaterThan(10);

            try (ServiceProcess restarted = ServiceProcess.start("relay-kill-restarted", settings)) {
                int repeated = 0;
                for (Map.Entry<String, Set<String>> session : load.acknowledged.entrySet()) {
                    JsonNode mine = relayed(restarted.baseUrl(), session.getKey());
                    List<JsonNode> kept = requests(restarted.baseUrl(), session.getKey());
                    assertThat(bodies(mine.get("start"), kept)).as("what the player was acknowledged")
                            .containsAll(session.getValue());
                    String upstreamId = mine.at("/upstream/upstreamId").asText();
                    List<JsonNode> sent = requests(upstream.baseUrl(), upstreamId);
                    // Only the request in flight at the kill may have been acknowledged upstream without the relay
                    // writing it down: sent again, it shows as a second upstream session with just its start, or
                    // as one event twice in a row.
                    int orphans = sessionsWithMediaId(upstream.baseUrl(), mine.at("/start/body/params/media.id")
                            .asText()) - 1;
                    int again = sent.size() - kept.size();
                    assertThat(orphans + again).as("requests of %s sent twice", session.getKey()).isBetween(0, 1);
                    assertThat(withoutOneRepeat(sent, again)).as("the events of %s upstream", session.getKey())
                            .isEqualTo(kept);
                    repeated += orphans + again;
                }
                System.out.printf("Relay SIGKILL: %d sessions and %d events acknowledged; %d requests sent again%n",
                        load.acknowledged.size(), load.events.get(), repeated);
            }
        }
    }

    @Test
    void playersAreAnsweredWhileTheUpstreamIsStoppedAndEverythingArrivesOnceItIsBack() throws Exception {
        Map<String, String> upstreamSettings = embedded("relay-upstream-outage");
        ServiceProcess upstream = ServiceProcess.start("relay-upstream-outage", upstreamSettings);
        try (ServiceProcess relaying = ServiceProcess.start("relay-outage", relayingTo(upstream, "relay-outage"))) {
            StreamLoad load = new StreamLoad(PLAYERS, () -> List.of(relaying.baseUrl()));
            Thread.sleep(2_000);
            upstream.close();
            long beforeOutage = load.acknowledgedWrites();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> Scrape.of(relaying.baseUrl())
                        .value("mc_outbox_relay_failures_total", "destination", "upstream") > 0);
                Thread.sleep(3_000);
            } finally {
                Map<String, String> samePort = new HashMap<>(upstreamSettings);
                samePort.put("quarkus.http.port", Integer.toString(upstream.port()));
                upstream = ServiceProcess.start("relay-upstream-outage-back", samePort);
            }
            load.close();
            long duringOutage = load.acknowledgedWrites() - beforeOutage;

            assertThat(load.refused.get()).as("answers other than 201 or 204").isZero();
            assertThat(load.unanswered.get()).as("requests without an answer").isZero();
            assertThat(duringOutage).as("writes acknowledged while the upstream was down").isGreaterThan(20);
            for (Map.Entry<String, Set<String>> session : load.acknowledged.entrySet()) {
                JsonNode mine = relayed(relaying.baseUrl(), session.getKey());
                List<JsonNode> kept = requests(relaying.baseUrl(), session.getKey());
                assertThat(bodies(mine.get("start"), kept)).containsAll(session.getValue());
                assertThat(requests(upstream.baseUrl(), mine.at("/upstream/upstreamId").asText()))
                        .as("the events of %s upstream, each once", session.getKey()).isEqualTo(kept);
            }
            assertThat(sessionCount(upstream.baseUrl())).as("sessions upstream, each opened once")
                    .isEqualTo(sessionCount(relaying.baseUrl()));
            Scrape metrics = Scrape.of(relaying.baseUrl());
            assertThat(metrics.value("mc_relay_upstream_requests_seconds_count", "request", "event", "outcome",
                    "failed") + metrics.value("mc_relay_upstream_requests_seconds_count", "request", "sessionStart",
                            "outcome", "failed")).as("attempts that failed while the upstream was down")
                    .isPositive();
        } finally {
            upstream.close();
        }
    }

    private static String open(String base, String body) {
        return Api.idOf(given().contentType(ContentType.JSON).body(body).post(base + Api.SESSIONS)
                .then().statusCode(201).extract().header("Location"));
    }

    /** The events with the one request sent twice in a row taken out, when {@code again} is 1. */
    private static List<JsonNode> withoutOneRepeat(List<JsonNode> relayed, int again) {
        if (again == 0) {
            return relayed;
        }
        for (int i = 1; i < relayed.size(); i++) {
            if (relayed.get(i).equals(relayed.get(i - 1))) {
                List<JsonNode> once = new ArrayList<>(relayed);
                once.remove(i);
                return once;
            }
        }
        return relayed;
    }
}
