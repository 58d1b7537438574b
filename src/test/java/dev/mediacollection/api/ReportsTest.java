package dev.mediacollection.api;

import static dev.mediacollection.api.ApiAssertions.assertApiHeaders;
import static dev.mediacollection.api.ApiAssertions.assertProblem;
import static dev.mediacollection.support.Api.event;
import static dev.mediacollection.support.Api.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.store.SessionStore;
import dev.mediacollection.support.Api;
import dev.mediacollection.support.Spec;
import dev.mediacollection.support.TestClock;
import dev.mediacollection.tracking.MetricsFinaliser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * {@code GET /api/v1/reports} over sessions sent through the API, each test with its own media ids. The test drives
 * the clock and runs the finaliser (nothing runs on a schedule), so the same report is read before and after the
 * closed sessions' metrics are stored.
 */
@QuarkusTest
@TestProfile(ReportsTest.ClockDrivenByTheTest.class)
class ReportsTest {

    static final String REPORTS = "/api/v1/reports";
    static final long TS = 1_764_147_600_000L;

    public static class ClockDrivenByTheTest extends TestClock.Driven {
    }

    @Inject
    TestClock clock;

    @Inject
    MetricsFinaliser finaliser;

    @Inject
    SessionStore store;

    static String open(String mediaId, String playerName, String channel, String contentType) {
        ObjectNode start = Spec.example("SessionStartSample");
        start.with("params").put("media.id", mediaId).put("media.playerName", playerName)
                .put("media.channel", channel).put("media.contentType", contentType).put("media.length", 60);
        start.remove("qoeData");
        return Api.idOf(given().contentType(ContentType.JSON).body(start.toString()).when().post(Api.SESSIONS)
                .then().statusCode(201).extract().header("Location"));
    }

    /** Plays {@code seconds} of content; completes it at 60 s; ends it if asked. */
    static void play(String session, int seconds, boolean end) {
        send(session, event("play", 0, TS)).then().statusCode(204);
        send(session, event(seconds >= 60 ? "sessionComplete" : "ping", seconds, TS + seconds * 1000L))
                .then().statusCode(204);
        if (end) {
            send(session, event("sessionEnd", seconds, TS + seconds * 1000L)).then().statusCode(204);
        }
    }

    static Response report(Map<String, ?> query) {
        return given().filter(Spec.respondsPerSpec()).queryParams(query).when().get(REPORTS);
    }

    @Test
    void sessionsAreAddedUpPerGroupWithAdobesCalculatedMetrics() {
        String media = UUID.randomUUID().toString();
        play(open(media, "web", "sports", "vod"), 60, true);
        play(open(media, "web", "sports", "vod"), 30, true);
        play(open(media, "ios", "sports", "vod"), 15, false);

        Response response = report(Map.of("groupBy", "playerName", "mediaId", media));

        assertThat(response.statusCode()).isEqualTo(200);
        assertApiHeaders(response);
        JsonPath report = response.jsonPath();
        assertThat(report.getList("rows.key", String.class)).containsExactly("web", "ios");
        Map<String, Object> web = report.getMap("rows[0]");
        assertThat(web).containsEntry("sessions", 2).containsEntry("openSessions", 0)
                .containsEntry("mediaStarts", 2).containsEntry("contentCompletes", 1)
                .containsEntry("contentTimeSpent", 90.0f).containsEntry("averageMinuteAudience", 1.5f)
                .containsEntry("mediaCompletionRate", 0.5f).containsEntry("avgContentTimeSpent", 45.0f)
                .doesNotContainKeys("timeToStart", "averageBitrate");
        assertThat(report.getMap("rows[1]")).containsEntry("sessions", 1).containsEntry("openSessions", 1)
                .containsEntry("contentTimeSpent", 15.0f).containsEntry("mediaCompletionRate", 0.0f);
        assertThat(report.getMap("totals")).containsEntry("sessions", 3).containsEntry("contentTimeSpent", 105.0f)
                .doesNotContainKey("key");
        assertThat(report.getInt("omittedRows")).isZero();
    }

    @Test
    void storedMetricsGiveTheReportTheSessionsThemselvesGive() {
        String media = UUID.randomUUID().toString();
        play(open(media, "web", "sports", "vod"), 60, true);
        play(open(media, "web", "news", "live"), 20, true);
        play(open(media, "web", "news", "live"), 10, false);
        Map<String, String> query = Map.of("groupBy", "channel", "mediaId", media);
        String computedWhenRead = report(query).then().statusCode(200).extract().asString();

        assertThat(finaliser.finalise()).as("within the late-event window").isZero();
        clock.advance(Duration.ofSeconds(5));
        assertThat(finaliser.finalise()).isGreaterThanOrEqualTo(2);

        assertThat(store.awaitingMetrics(clock.instant(), 10).toCompletableFuture().join()).isEmpty();
        assertThat(report(query).then().statusCode(200).extract().asString()).isEqualTo(computedWhenRead);
        assertThat(report(query).jsonPath().getList("rows.key", String.class)).containsExactly("news", "sports");
    }

    @Test
    void everyDimensionGroups() {
        String media = UUID.randomUUID().toString();
        play(open(media, "web", "sports", "vod"), 10, true);
        play(open(media, "ios", "news", "live"), 10, true);
        play(open(media, "ios", "news", "vod"), 10, true);

        assertThat(keys(Map.of("groupBy", "mediaId", "mediaId", media))).containsExactly(media);
        assertThat(keys(Map.of("groupBy", "playerName", "mediaId", media))).containsExactly("ios", "web");
        assertThat(keys(Map.of("groupBy", "channel", "mediaId", media))).containsExactly("news", "sports");
        assertThat(keys(Map.of("groupBy", "contentType", "mediaId", media))).containsExactly("vod", "live");
        clock.advance(Duration.ofMinutes(61));
        play(open(media, "ios", "news", "vod"), 10, true);
        Instant now = clock.instant();
        String today = now.truncatedTo(ChronoUnit.DAYS).toString();
        assertThat(keys(Map.of("groupBy", "day", "mediaId", media))).containsExactly(today);
        assertThat(keys(Map.of("mediaId", media))).as("by day unless asked").containsExactly(today);
        assertThat(keys(Map.of("groupBy", "hour", "mediaId", media))).containsExactly(
                now.minus(Duration.ofMinutes(61)).truncatedTo(ChronoUnit.HOURS).toString(),
                now.truncatedTo(ChronoUnit.HOURS).toString());
    }

    /**
     * The default profile keeps a sessionStart without its channel and player name (Adobe's iOS SDK leaves out those
     * not configured): those sessions are a group of their own, the row without a key, after the named groups.
     */
    @Test
    void sessionsKeptWithoutTheParamAreAGroupWithoutAKey() {
        String media = UUID.randomUUID().toString();
        play(open(media, "web", "sports", "vod"), 10, true);
        play(open(media, "web", "sports", "vod"), 10, true);
        ObjectNode unconfigured = Spec.example("SessionStartSample");
        unconfigured.with("params").put("media.id", media).put("media.length", 60).remove(
                List.of("media.channel", "media.playerName"));
        unconfigured.remove("qoeData");
        play(Api.idOf(given().contentType(ContentType.JSON).body(unconfigured.toString()).when().post(Api.SESSIONS)
                .then().statusCode(201).extract().header("Location")), 10, true);
        Map<String, String> query = Map.of("groupBy", "channel", "mediaId", media);

        for (boolean finalised : List.of(false, true)) {
            if (finalised) {
                clock.advance(Duration.ofSeconds(5));
                assertThat(finaliser.finalise()).isGreaterThanOrEqualTo(3);
            }
            JsonPath report = report(query).then().statusCode(200).extract().jsonPath();
            assertThat(report.getList("rows.sessions", Integer.class)).as("finalised: %s", finalised)
                    .containsExactly(2, 1);
            assertThat(report.getMap("rows[0]")).containsEntry("key", "sports");
            assertThat(report.getMap("rows[1]")).doesNotContainKey("key");
            assertThat(report.getInt("totals.sessions")).isEqualTo(3);
            assertThat(keys(Map.of("groupBy", "playerName", "mediaId", media))).containsExactly("web", null);
        }
    }

    @Test
    void filtersCombineAndTheTimeRangeIsWhenSessionsOpened() {
        String media = UUID.randomUUID().toString();
        play(open(media, "web", "sports", "vod"), 10, true);
        String between = clock.advance(Duration.ofMillis(1)).toString();
        play(open(media, "web", "news", "vod"), 10, false);

        assertThat(sessions(Map.of("mediaId", media, "to", between))).isEqualTo(1);
        assertThat(sessions(Map.of("mediaId", media, "from", between))).isEqualTo(1);
        assertThat(sessions(Map.of("mediaId", media, "state", "open"))).isEqualTo(1);
        assertThat(sessions(Map.of("mediaId", media, "channel", "news", "contentType", "vod"))).isEqualTo(1);
        assertThat(sessions(Map.of("mediaId", media, "playerName", "ios"))).isZero();
    }

    @Test
    void theLargestGroupsComeFirstUpToTheLimitAndTheTotalsCountEverySession() {
        String media = UUID.randomUUID().toString();
        for (String player : List.of("a", "b", "b", "c", "c", "c")) {
            play(open(media, player, "sports", "vod"), 10, true);
        }

        JsonPath report = report(Map.of("groupBy", "playerName", "mediaId", media, "limit", 2)).jsonPath();

        assertThat(report.getList("rows.key", String.class)).containsExactly("c", "b");
        assertThat(report.getList("rows.sessions", Integer.class)).containsExactly(3, 2);
        assertThat(report.getInt("omittedRows")).isEqualTo(1);
        assertThat(report.getInt("totals.sessions")).isEqualTo(6);
    }

    @Test
    void noSessionIsAnEmptyReportWithZeroTotals() {
        JsonPath report = report(Map.of("mediaId", UUID.randomUUID().toString())).then().statusCode(200)
                .extract().jsonPath();

        assertThat(report.getList("rows")).isEmpty();
        assertThat(report.getMap("totals")).containsEntry("sessions", 0).containsEntry("mediaStarts", 0)
                .doesNotContainKey("mediaCompletionRate");
    }

    @Test
    void parametersOutsideTheContractAreRefusedByName() {
        Response response = report(Map.of("groupBy", "week", "limit", 0, "from", "yesterday"));

        assertProblem(response, 400, "/problems/invalid-parameters");
        assertThat(response.jsonPath().getList("errors.parameter", String.class))
                .containsExactlyInAnyOrder("groupBy", "limit", "from");
    }

    private static List<String> keys(Map<String, ?> query) {
        return report(query).then().statusCode(200).extract().jsonPath().getList("rows.key", String.class);
    }

    private static int sessions(Map<String, ?> query) {
        return report(query).then().statusCode(200).extract().jsonPath().getInt("totals.sessions");
    }
}
