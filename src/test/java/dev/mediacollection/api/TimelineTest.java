package dev.mediacollection.api;

import static dev.mediacollection.api.ApiAssertions.assertApiHeaders;
import static dev.mediacollection.api.ApiAssertions.assertProblem;
import static dev.mediacollection.support.Api.event;
import static dev.mediacollection.support.Api.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.Spec;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * {@code GET /api/v1/sessions/{id}/timeline}: a session sent through the API, read back as spans that add up to the
 * metrics read back with it.
 */
@QuarkusTest
class TimelineTest {

    static final long TS = 1_764_147_600_000L;

    static Response timeline(String session) {
        return given().filter(Spec.respondsPerSpec()).when().get(Api.SESSIONS + "/" + session + "/timeline");
    }

    @Test
    void theSpansOfASessionAddUpToItsMetrics() {
        String session = Api.openSession();
        send(session, event("play", 0, TS)).then().statusCode(204);
        send(session, event("pauseStart", 10, TS + 10_000)).then().statusCode(204);
        send(session, event("play", 10, TS + 14_000)).then().statusCode(204);
        send(session, event("bufferStart", 20, TS + 24_000)).then().statusCode(204);
        send(session, event("play", 20, TS + 26_000)).then().statusCode(204);
        send(session, event("adBreakStart", 30, TS + 36_000)).then().statusCode(204);
        send(session, event("adStart", 30, TS + 36_000)).then().statusCode(204);
        send(session, event("adComplete", 30, TS + 51_000)).then().statusCode(204);
        send(session, event("adBreakComplete", 30, TS + 51_000)).then().statusCode(204);
        send(session, event("ping", 30, TS + 61_000)).then().statusCode(204);
        send(session, event("ping", 30, TS + 71_000)).then().statusCode(204);
        send(session, event("ping", 40, TS + 81_000)).then().statusCode(204);
        send(session, event("sessionEnd", 40, TS + 81_000)).then().statusCode(204);

        Response response = timeline(session);

        assertThat(response.statusCode()).isEqualTo(200);
        assertApiHeaders(response);
        JsonPath timeline = response.jsonPath();
        assertThat(timeline.getBoolean("final")).isTrue();
        assertThat(timeline.getLong("computedUpTo")).isEqualTo(TS + 81_000);
        assertThat(timeline.getList("spans", Map.class)).containsExactly(
                span("content", 0, 10_000, 0, 10),
                span("paused", 10_000, 14_000, 10, 10),
                span("content", 14_000, 24_000, 10, 20),
                span("buffering", 24_000, 26_000, 20, 20),
                span("content", 26_000, 36_000, 20, 30),
                span("ad", 36_000, 51_000, 30, 30),
                span("stalled", 51_000, 71_000, 30, 30),  // three events at 30 while playing content
                span("content", 71_000, 81_000, 30, 40));
        JsonPath metrics = given().when().get(Api.SESSIONS + "/" + session).jsonPath();
        Map<String, String> metricOf = Map.of("content", "contentTimeSpent", "ad", "adTimeSpent",
                "paused", "totalPauseDuration", "buffering", "totalBufferDuration", "stalled", "totalStallingDuration");
        metricOf.forEach((activity, metric) -> assertThat(seconds(timeline, activity)).as(activity)
                .isEqualTo(metrics.getDouble("metrics." + metric)));
    }

    @Test
    void anOpenSessionsSpansReachItsLastEvent() {
        String session = Api.openSession();
        send(session, event("play", 0, TS)).then().statusCode(204);
        send(session, event("ping", 10, TS + 10_000)).then().statusCode(204);

        JsonPath timeline = timeline(session).then().statusCode(200).extract().jsonPath();

        assertThat(timeline.getBoolean("final")).isFalse();
        assertThat(timeline.getLong("computedUpTo")).isEqualTo(TS + 10_000);
        assertThat(timeline.getList("spans", Map.class)).containsExactly(span("content", 0, 10_000, 0, 10));
    }

    @Test
    void aSessionThatNeverPlayedHasNoSpans() {
        JsonPath timeline = timeline(Api.openSession()).then().statusCode(200).extract().jsonPath();

        assertThat(timeline.getList("spans")).isEmpty();
    }

    @Test
    void anUnknownSessionIs404() {
        assertProblem(timeline("0".repeat(64)), 404, "/problems/unknown-session");
        assertProblem(timeline("not-an-id"), 404, "/problems/unknown-session");
    }

    private static Map<String, Object> span(String activity, long from, long to, double fromPlayhead,
            double toPlayhead) {
        return Map.of("activity", activity, "fromTs", TS + from, "toTs", TS + to, "fromPlayhead", (float) fromPlayhead,
                "toPlayhead", (float) toPlayhead);
    }

    private static double seconds(JsonPath timeline, String activity) {
        List<Map<String, Object>> spans = timeline.getList("spans");
        return spans.stream().filter(span -> span.get("activity").equals(activity))
                .mapToLong(span -> ((Number) span.get("toTs")).longValue() - ((Number) span.get("fromTs")).longValue())
                .sum() / 1000.0;
    }
}
