package dev.mediacollection.api;

import static dev.mediacollection.api.ApiAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.Scrape;
import dev.mediacollection.support.Spec;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Findings wherever a person or a program looks (default profile): with each event read back, counted with their
 * rules on each session, as a filter of the session list, newest first across sessions, and as a metric.
 */
@QuarkusTest
class FindingsTest {

    static final long TS = 1_764_147_600_000L;

    /** A session of its own media id whose sessionStart has a negative playhead. */
    static String openWithFinding(String mediaId) {
        ObjectNode start = Spec.example("SessionStartSample");
        start.with("params").put("media.id", mediaId);
        start.with("playerTime").put("playhead", -1);
        return Api.idOf(given().contentType(ContentType.JSON).body(start.toString()).when().post(Api.SESSIONS)
                .then().statusCode(201).extract().header("Location"));
    }

    static Response get(String path, Map<String, ?> query) {
        return given().filter(Spec.respondsPerSpec()).queryParams(query).when().get(path);
    }

    @Test
    void eachEventIsReadBackWithItsFindings() {
        String session = openWithFinding(UUID.randomUUID().toString());
        ObjectNode ping = Api.event("ping", 10, TS + 10_000);
        ping.putObject("customMetadata");
        Api.send(session, Api.event("play", 0, TS)).then().statusCode(204);
        Api.send(session, ping).then().statusCode(204);

        List<Map<String, Object>> events = get(Api.eventsPath(session), Map.of()).jsonPath().getList("items");

        assertThat(events).extracting(event -> event.get("findings")).containsExactly(List.of(),
                List.of(Map.of("rule", "unknown-key", "pointer", "/customMetadata", "message", "is not a known key")));
        assertThat(get(Api.SESSIONS + "/" + session, Map.of()).jsonPath().getList("start.findings"))
                .containsExactly(Map.of("rule", "minimum", "pointer", "/playerTime/playhead",
                        "message", "must be at least 0"));
    }

    @Test
    void aSessionCountsItsFindingsAndNamesTheirRules() {
        String media = UUID.randomUUID().toString();
        String session = openWithFinding(media);
        Api.send(session, Api.event("play", -1, TS)).then().statusCode(204);
        ObjectNode ping = Api.event("ping", 10, TS + 10_000);
        ping.putObject("customMetadata");
        Api.send(session, ping).then().statusCode(204);

        Response detail = get(Api.SESSIONS + "/" + session, Map.of());
        Map<String, Object> summary = get(Api.SESSIONS, Map.of("mediaId", media)).jsonPath().getMap("items[0]");

        assertThat(detail.jsonPath().getLong("findingCount")).isEqualTo(3);
        assertThat(detail.jsonPath().getList("findingRules")).containsExactly("minimum", "unknown-key");
        assertThat(summary).containsEntry("findingCount", 3).containsEntry("findingRules",
                List.of("minimum", "unknown-key"));
    }

    @Test
    void theSessionListFiltersByFindings() {
        String media = UUID.randomUUID().toString();
        String clean = InspectionTest.open(media, "player");
        String withFinding = openWithFinding(media);

        assertThat(get(Api.SESSIONS, Map.of("mediaId", media, "hasFindings", true)).jsonPath()
                .getList("items.id")).containsExactly(withFinding);
        assertThat(get(Api.SESSIONS, Map.of("mediaId", media, "hasFindings", false)).jsonPath()
                .getList("items.id")).containsExactly(clean);
        assertThat(get(Api.SESSIONS, Map.of("mediaId", media)).jsonPath().getList("items", Map.class))
                .extracting(item -> item.get("id"), item -> item.get("findingCount"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(withFinding, 1),
                        org.assertj.core.groups.Tuple.tuple(clean, 0));
    }

    @Test
    void theLatestFindingsAreListedNewestFirstAcrossSessions() {
        Instant before = Instant.now().minusSeconds(1);
        String first = openWithFinding(UUID.randomUUID().toString());
        String second = openWithFinding(UUID.randomUUID().toString());
        Api.send(first, Api.event("ping", -3, TS)).then().statusCode(204);

        List<Map<String, Object>> items = get("/api/v1/findings", Map.of("limit", 3)).jsonPath().getList("items");

        assertThat(items).extracting(item -> item.get("sessionId"), item -> item.get("sequence"),
                item -> item.get("eventType")).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(first, 1, "ping"),
                        org.assertj.core.groups.Tuple.tuple(second, 0, "sessionStart"),
                        org.assertj.core.groups.Tuple.tuple(first, 0, "sessionStart"));
        // Newest first: by arrival (to the millisecond), then session id and sequence, each descending.
        assertThat(items).isSortedAccordingTo(java.util.Comparator
                .comparing((Map<String, Object> item) -> Instant.parse((String) item.get("receivedAt")))
                .thenComparing(item -> (String) item.get("sessionId"))
                .thenComparing(item -> (Integer) item.get("sequence"))
                .reversed());
        assertThat(items).allSatisfy(item -> {
            assertThat(item).containsEntry("rule", "minimum").containsEntry("pointer", "/playerTime/playhead")
                    .containsEntry("message", "must be at least 0");
            assertThat(Instant.parse((String) item.get("receivedAt"))).isAfter(before)
                    .isBefore(Instant.now().plusSeconds(1));
        });
    }

    @Test
    void findingsArePagedByTheirCursor() {
        String session = openWithFinding(UUID.randomUUID().toString());
        for (int i = 1; i <= 3; i++) {
            Api.send(session, Api.event("ping", -i, TS + i)).then().statusCode(204);
        }

        Response first = get("/api/v1/findings", Map.of("limit", 2));
        Response second = get("/api/v1/findings", Map.of("limit", 2, "cursor", first.jsonPath().getString("next")));

        assertThat(first.jsonPath().getList("items.sequence")).containsExactly(3, 2);
        assertThat(second.jsonPath().getList("items.sequence")).startsWith(1, 0);
        assertThat(second.jsonPath().getList("items.sessionId")).startsWith(session, session);
    }

    @Test
    void aCursorOfAnotherListingIsA400() {
        String sessionsCursor = get(Api.SESSIONS, Map.of("limit", 1)).jsonPath().getString("next");

        Response answer = given().queryParam("cursor", sessionsCursor).when().get("/api/v1/findings");

        assertProblem(answer, 400, "/problems/invalid-parameters");
        assertThat(answer.jsonPath().getString("errors[0].rule")).isEqualTo("cursor");
    }

    @Test
    void findingsAreCountedByRule() {
        Scrape before = Scrape.now();
        String session = openWithFinding(UUID.randomUUID().toString());
        Api.send(session, Api.event("ping", -1, TS)).then().statusCode(204);
        Api.send(session, Api.event("play", 0, TS)).then().statusCode(204);

        Scrape after = Scrape.now();

        assertThat(after.value("mc_findings_total", "rule", "minimum")
                - before.value("mc_findings_total", "rule", "minimum")).isEqualTo(2);
        assertThat(after.text()).contains("mc_findings_total{rule=\"content-type\"}",
                "mc_findings_total{rule=\"null-value\"}");
        assertThat(after.text()).doesNotContain("mc_findings_total{rule=\"cursor\"}");
    }
}
