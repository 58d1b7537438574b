package dev.mediacollection.api;

import static dev.mediacollection.api.ApiAssertions.assertApiHeaders;
import static dev.mediacollection.api.ApiAssertions.assertProblem;
import static dev.mediacollection.support.Api.event;
import static dev.mediacollection.support.Api.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.Spec;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The inspection endpoints: sessions, events, metrics and rejections read back over HTTP. */
@QuarkusTest
class InspectionTest {

    static final long TS = 1_509_045_325_153L;

    /** Opens a session of this media and player; each test uses its own media id, whatever else is stored. */
    static String open(String mediaId, String playerName) {
        ObjectNode start = Spec.example("SessionStartSample");
        start.with("params").put("media.id", mediaId).put("media.playerName", playerName);
        return Api.idOf(given().contentType(ContentType.JSON).body(start.toString()).when().post(Api.SESSIONS)
                .then().statusCode(201).extract().header("Location"));
    }

    static Response get(String path, Map<String, ?> query) {
        return given().filter(Spec.respondsPerSpec()).queryParams(query).when().get(path);
    }

    static List<String> ids(Response page) {
        return page.jsonPath().getList("items.id", String.class);
    }

    /** Now, to the millisecond the service keeps: no time it records for a later request is earlier. */
    static Instant serviceNow() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    // --- GET /api/v1/sessions -----------------------------------------------------------------------------------

    @Test
    void sessionsAreListedNewestFirst() {
        String media = UUID.randomUUID().toString();
        String first = open(media, "web");
        Instant beforeSecond = serviceNow();
        String second = open(media, "web");
        Instant afterSecond = Instant.now();

        Response page = get(Api.SESSIONS, Map.of("mediaId", media));

        assertThat(page.statusCode()).isEqualTo(200);
        assertApiHeaders(page);
        assertThat(ids(page)).containsExactly(second, first);
        JsonPath summary = page.jsonPath();
        assertThat(summary.getString("items[0].state")).isEqualTo("open");
        assertThat(summary.getString("items[0].mediaId")).isEqualTo(media);
        assertThat(summary.getString("items[0].playerName")).isEqualTo("web");
        assertThat(summary.getInt("items[0].eventCount")).isZero();
        assertThat(Instant.parse(summary.getString("items[0].createdAt"))).isBetween(beforeSecond, afterSecond);
        assertThat(summary.getString("items[0].lastEventAt")).as("its sessionStart is its last request")
                .isEqualTo(summary.getString("items[0].createdAt"));
        assertThat(summary.getString("next")).isNull();
    }

    @Test
    void filtersCombine() {
        String media = UUID.randomUUID().toString();
        String web = open(media, "web");
        String ios = open(media, "ios");
        String ended = open(media, "ios");
        send(ended, event("sessionEnd", 1, TS)).then().statusCode(204);

        assertThat(ids(get(Api.SESSIONS, Map.of("mediaId", media, "playerName", "ios")))).containsExactly(ended, ios);
        assertThat(ids(get(Api.SESSIONS, Map.of("mediaId", media, "state", "closed")))).containsExactly(ended);
        assertThat(ids(get(Api.SESSIONS, Map.of("mediaId", media, "state", "open")))).containsExactly(ios, web);
        assertThat(ids(get(Api.SESSIONS, Map.of("mediaId", media, "createdTo", "2000-01-01T00:00:00Z")))).isEmpty();
        assertThat(ids(get(Api.SESSIONS, Map.of("mediaId", media, "createdFrom", "2000-01-01T00:00:00Z"))))
                .hasSize(3);
    }

    @Test
    void pagesFollowTheirCursor() {
        String media = UUID.randomUUID().toString();
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            opened.add(0, open(media, "web"));
        }

        Response first = get(Api.SESSIONS, Map.of("mediaId", media, "limit", 2));
        Response second = get(Api.SESSIONS, Map.of("mediaId", media, "limit", 2, "cursor",
                first.jsonPath().getString("next")));
        Response third = get(Api.SESSIONS, Map.of("mediaId", media, "limit", 2, "cursor",
                second.jsonPath().getString("next")));

        assertThat(ids(first)).containsExactlyElementsOf(opened.subList(0, 2));
        assertThat(ids(second)).containsExactlyElementsOf(opened.subList(2, 4));
        assertThat(ids(third)).containsExactlyElementsOf(opened.subList(4, 5));
        assertThat(third.jsonPath().getString("next")).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "limit, 0, must be at least 1",
            "limit, 501, must be at most 500",
            "limit, ten, must be an integer",
            "state, finished, 'must be one of \"open\", \"complete\", \"closed\", \"expired\"'",
            "createdFrom, yesterday, must be a date-time such as 2026-11-26T09:00:00Z",
            "mediaID, x, 'is not a known parameter (did you mean \"mediaId\"?)'",
            "cursor, bm9wZQ, 'is not a cursor of this listing: use the previous page''s next'" })
    void badParametersAreA400NamingEach(String parameter, String value, String detail) {
        Response response = get(Api.SESSIONS, Map.of(parameter, value));

        assertProblem(response, 400, "/problems/invalid-parameters");
        assertThat(response.jsonPath().getString("errors[0].parameter")).isEqualTo(parameter);
        assertThat(response.jsonPath().getString("errors[0].detail")).isEqualTo(detail);
    }

    // --- GET /api/v1/sessions/{sessionId} -------------------------------------------------------------------------

    @Test
    void aSessionComesWithItsStartAsSentAndItsMetrics() {
        String session = open(UUID.randomUUID().toString(), "web");
        send(session, event("play", 0, TS)).then().statusCode(204);
        send(session, event("ping", 10, TS + 10_000)).then().statusCode(204);
        send(session, event("sessionComplete", 20, TS + 20_000)).then().statusCode(204);
        send(session, event("sessionEnd", 20, TS + 20_001)).then().statusCode(204);

        Response response = get(Api.SESSIONS + "/" + session, Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonPath detail = response.jsonPath();
        assertThat(detail.getString("id")).isEqualTo(session);
        assertThat(detail.getString("state")).isEqualTo("closed");
        assertThat(detail.getString("closeCause")).isEqualTo("sessionEnd");
        assertThat(detail.getInt("eventCount")).isEqualTo(4);
        assertThat(detail.getDouble("lastPlayhead")).isEqualTo(20.0);
        assertThat(detail.getInt("start.sequence")).isZero();
        assertThat(detail.getString("start.eventType")).isEqualTo("sessionStart");
        assertThat(detail.getString("start.body.params.'media.playerName'")).isEqualTo("web");
        assertThat(detail.getInt("metrics.contentStarts")).isEqualTo(1);
        assertThat(detail.getInt("metrics.contentCompletes")).isEqualTo(1);
        assertThat(detail.getDouble("metrics.contentTimeSpent")).isEqualTo(20.0);
        assertThat(detail.getInt("metrics.mediaStarts")).isEqualTo(1);
        assertThat(detail.getBoolean("metrics.final")).isTrue();
        assertThat(detail.getLong("metrics.computedUpTo")).isEqualTo(TS + 20_001);
    }

    @Test
    void anOpenSessionsMetricsGoUpToItsLastEventAndSaySo() {
        String session = open(UUID.randomUUID().toString(), "web");
        send(session, event("play", 0, TS)).then().statusCode(204);
        send(session, event("ping", 10, TS + 10_000)).then().statusCode(204);

        JsonPath detail = get(Api.SESSIONS + "/" + session, Map.of()).jsonPath();

        assertThat(detail.getString("state")).isEqualTo("open");
        assertThat(detail.getBoolean("metrics.final")).isFalse();
        assertThat(detail.getLong("metrics.computedUpTo")).isEqualTo(TS + 10_000);
        assertThat(detail.getDouble("metrics.contentTimeSpent")).isEqualTo(10.0);
    }

    @Test
    void aDownloadedSessionHasItsMetricsToo() {
        // The spec's example: play at +1 s, ping at +51 s (playhead 50), complete at +61.39 s (60.39), end.
        String session = Api.idOf(given().contentType(ContentType.JSON)
                .body(Spec.arrayExample("DownloadedSession").toString()).when().post(Api.DOWNLOADED)
                .then().statusCode(201).extract().header("Location"));

        JsonPath detail = get(Api.SESSIONS + "/" + session, Map.of()).jsonPath();

        assertThat(detail.getString("state")).isEqualTo("closed");
        assertThat(detail.getString("closeCause")).isEqualTo("sessionEnd");
        assertThat(detail.getDouble("metrics.contentTimeSpent")).isEqualTo(60.39);
        assertThat(detail.getDouble("metrics.uniqueTimePlayed")).isEqualTo(60.39);
        assertThat(detail.getInt("metrics.contentCompletes")).isEqualTo(1);
        assertThat(detail.getInt("metrics.progress95")).isEqualTo(1);
        assertThat(detail.getInt("metrics.dropsBeforeStart")).isZero();
    }

    @Test
    void anUnknownSessionIs404() {
        assertProblem(get(Api.SESSIONS + "/" + "0".repeat(64), Map.of()), 404, "/problems/unknown-session");
        assertProblem(get(Api.SESSIONS + "/not-an-id", Map.of()), 404, "/problems/unknown-session");
    }

    // --- GET /api/v1/sessions/{sessionId}/events -------------------------------------------------------------------

    @Test
    void eventsComeInArrivalOrderOrInTsOrderAsSent() {
        String session = open(UUID.randomUUID().toString(), "web");
        long[] ts = { TS + 3_000, TS + 1_000, TS + 2_000 };
        List<String> sent = new ArrayList<>();
        for (long at : ts) {
            ObjectNode ping = event("ping", (at - TS) / 1000.0, at);
            sent.add(ping.toString());
            send(session, ping).then().statusCode(204);
        }

        Response arrival = get(Api.eventsPath(session), Map.of());
        Response byTs = get(Api.eventsPath(session), Map.of("order", "ts"));

        assertThat(arrival.jsonPath().getList("items.sequence", Integer.class)).containsExactly(1, 2, 3);
        assertThat(arrival.jsonPath().getList("items.ts", Long.class)).containsExactly(ts[0], ts[1], ts[2]);
        assertThat(byTs.jsonPath().getList("items.sequence", Integer.class)).containsExactly(2, 3, 1);
        assertThat(arrival.jsonPath().getList("items.body", Map.class).stream().map(body -> Spec.JSON.valueToTree(body)
                .toString()).toList()).containsExactlyElementsOf(sent);
    }

    @Test
    void eventsArePaged() {
        String session = open(UUID.randomUUID().toString(), "web");
        for (int i = 0; i < 5; i++) {
            send(session, event("ping", i, TS + 5_000 - i)).then().statusCode(204);
        }

        Response first = get(Api.eventsPath(session), Map.of("order", "ts", "limit", 3));
        Response second = get(Api.eventsPath(session), Map.of("order", "ts", "limit", 3, "cursor",
                first.jsonPath().getString("next")));

        assertThat(first.jsonPath().getList("items.sequence", Integer.class)).containsExactly(5, 4, 3);
        assertThat(second.jsonPath().getList("items.sequence", Integer.class)).containsExactly(2, 1);
        assertThat(second.jsonPath().getString("next")).isNull();
        assertProblem(get(Api.eventsPath(session), Map.of("order", "arrival", "cursor",
                first.jsonPath().getString("next"))), 400, "/problems/invalid-parameters");
    }

    @Test
    void eventsOfAnUnknownSessionAre404() {
        assertProblem(get(Api.eventsPath("1".repeat(64)), Map.of()), 404, "/problems/unknown-session");
    }

    // --- GET /api/v1/rejections ------------------------------------------------------------------------------------

    @Test
    void rejectedRequestsAreKeptWithTheirProblem() {
        String marker = UUID.randomUUID().toString();
        // A playhead that is not a number is refused whatever the profile.
        String body = "{\"playerTime\":{\"playhead\":\"0\",\"ts\":1},\"eventType\":\"sessionStart\",\"params\":{\"media.id\":\""
                + marker + "\"}}";
        Instant before = serviceNow();
        Map<String, Object> answered = given().contentType(ContentType.JSON).body(body).when().post(Api.SESSIONS)
                .then().statusCode(400).extract().jsonPath().getMap("");
        Instant after = Instant.now();

        Response response = get("/api/v1/rejections", Map.of("limit", 50));

        assertThat(response.statusCode()).isEqualTo(200);
        List<Map<String, Object>> items = response.jsonPath().getList("items");
        Map<String, Object> rejection = items.stream().filter(item -> body.equals(item.get("body"))).findFirst()
                .orElseThrow(() -> new AssertionError("the rejection is not listed"));
        assertThat(rejection.get("method")).isEqualTo("POST");
        assertThat(rejection.get("path")).isEqualTo(Api.SESSIONS);
        assertThat(rejection.get("problem")).as("the problem it was answered").isEqualTo(answered);
        assertThat(answered.get("type")).isEqualTo("/problems/schema-violation");
        assertThat(Instant.parse((String) rejection.get("at"))).isBetween(before, after);
    }

    @Test
    void readsAreNotRejectionsToKeep() {
        get(Api.SESSIONS, Map.of("limit", 0)).then().statusCode(400);

        List<Map<String, Object>> items = get("/api/v1/rejections", Map.of()).jsonPath().getList("items");

        assertThat(items).noneMatch(item -> "GET".equals(item.get("method")));
    }
}
