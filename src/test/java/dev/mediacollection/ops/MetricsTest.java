package dev.mediacollection.ops;

import static dev.mediacollection.support.Api.event;
import static dev.mediacollection.support.Api.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.Scrape;
import dev.mediacollection.support.Spec;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Each of the service's metrics moves as requests, sessions, commits and sweeps happen, read the way Prometheus reads
 * them: from the text at /q/metrics. Timeouts are short (4 s idle, 6 s stalled) and sweeps run every second, so
 * that sessions expire within the test.
 */
@QuarkusTest
@TestProfile(MetricsTest.ShortTimeouts.class)
class MetricsTest {

    static final long TS = 1_509_045_325_153L;
    static final String REQUESTS = "mc_requests_seconds_count";
    static final String CLOSED = "mc_sessions_closed_total";
    static final String SWEEPS = "mc_expiry_sweep_seconds_count";
    /** Generous: the machines these run on are shared, and a loaded one answers slowly. */
    static final Duration WHILE_SWEEPS_EXPIRE_ALL = Duration.ofSeconds(30);

    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mc.sessions.idle-timeout", "4S",
                    "mc.sessions.stalled-timeout", "6S",
                    "mc.sessions.sweep-interval", "1S");
        }
    }

    @Test
    void requestsAreCountedByOperationStatusAndEventType() {
        Scrape before = Scrape.now();

        String session = Api.openSession();
        send(session, event("play", 0, TS)).then().statusCode(204);
        send(session, event("ping", 10, TS + 10_000)).then().statusCode(204);
        send(session, event("play", 10, TS + 10_500)).then().statusCode(204);
        send(session, "{\"eventType\":\"play\"}").then().statusCode(400);
        Scrape after = Scrape.now();

        assertThat(delta(before, after, REQUESTS, "operation", "createSession", "status", "201", "event_type", "none"))
                .isEqualTo(1);
        assertThat(delta(before, after, REQUESTS, "operation", "trackEvent", "status", "204", "event_type", "play"))
                .isEqualTo(2);
        assertThat(delta(before, after, REQUESTS, "operation", "trackEvent", "status", "204", "event_type", "ping"))
                .isEqualTo(1);
        assertThat(delta(before, after, REQUESTS, "operation", "trackEvent", "status", "400", "event_type", "none"))
                .isEqualTo(1);
        assertThat(delta(before, after, "mc_requests_seconds_sum",
                "operation", "trackEvent", "status", "204", "event_type", "play")).isPositive();
        assertThat(delta(before, after, "mc_rejections_total", "type", "schema-violation")).isEqualTo(1);
        assertThat(after.text()).as("no series names a session").doesNotContain(session);
    }

    @Test
    void aRequestRefusedBeforeRoutingIsCountedOnce() {
        Scrape before = Scrape.now();

        // Over the largest limit (a downloaded batch, 1M): refused on its Content-Length, before routing.
        given().contentType(ContentType.JSON).body("x".repeat(1_100 * 1024))
                .when().post(Api.SESSIONS)
                .then().statusCode(413);
        Scrape after = Scrape.now();

        assertThat(delta(before, after, REQUESTS, "operation", "createSession", "status", "413", "event_type", "none"))
                .isEqualTo(1);
        assertThat(delta(before, after, "mc_rejections_total", "type", "payload-too-large")).isEqualTo(1);
    }

    @Test
    void hostilePathsShareOneSeries() {
        String probe = "no-such-thing-" + System.nanoTime();
        Scrape before = Scrape.now();

        given().when().post(Api.SESSIONS + "/" + probe + "/" + probe).then().statusCode(404);
        given().when().get("/api/v1/" + probe).then().statusCode(404);
        Scrape after = Scrape.now();

        assertThat(delta(before, after, REQUESTS, "operation", "other", "status", "404", "event_type", "none"))
                .isEqualTo(2);
        assertThat(after.text()).doesNotContain(probe);
        assertThat(after.has("http_server_requests_seconds_count")).as("the built-in HTTP timer is off").isFalse();
    }

    @Test
    void sessionsClosedAreCountedByCause() {
        awaitNoOpenSessions();
        Scrape before = Scrape.now();

        String ended = Api.openSession();
        send(ended, event("sessionEnd", 0, TS)).then().statusCode(204);
        given().contentType(ContentType.JSON).body(Spec.arrayExample("DownloadedSession").toString())
                .when().post(Api.DOWNLOADED).then().statusCode(201);
        String idle = Api.openSession();
        // Pings with a frozen playhead keep it from idling; the first past 6 s (or a sweep) finds it stalled.
        String stalled = Api.openSession();
        await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(20))
                .until(() -> send(stalled, event("ping", 0, TS)).statusCode() == 410);

        await().atMost(WHILE_SWEEPS_EXPIRE_ALL).untilAsserted(() -> {
            Scrape after = Scrape.now();
            assertThat(delta(before, after, CLOSED, "cause", "session_end")).isEqualTo(1);
            assertThat(delta(before, after, CLOSED, "cause", "downloaded")).isEqualTo(1);
            assertThat(delta(before, after, CLOSED, "cause", "idle")).isEqualTo(1);
            assertThat(delta(before, after, CLOSED, "cause", "stalled")).isEqualTo(1);
        });
        assertThat(idle).isNotEqualTo(stalled);
    }

    /**
     * Waits until every session other tests opened has expired. The gauge is refreshed by the sweeps, so it counts
     * only once two sweeps have finished since the wait began: the first may have started before it.
     */
    private static void awaitNoOpenSessions() {
        double sweeps = Scrape.now().value(SWEEPS, "outcome", "success");
        await().atMost(WHILE_SWEEPS_EXPIRE_ALL).until(() -> {
            Scrape now = Scrape.now();
            return now.value(SWEEPS, "outcome", "success") >= sweeps + 2 && now.value("mc_sessions_open") == 0;
        });
    }

    @Test
    void theOpenSessionsGaugeFollowsTheSweeps() {
        awaitNoOpenSessions();

        String session = Api.openSession();
        await().atMost(Duration.ofSeconds(20)).until(() -> Scrape.now().value("mc_sessions_open") == 1);
        send(session, event("sessionEnd", 0, TS)).then().statusCode(204);

        await().atMost(Duration.ofSeconds(20)).until(() -> Scrape.now().value("mc_sessions_open") == 0);
    }

    @Test
    void commitsAndSweepsAreTimed() {
        Scrape before = Scrape.now();

        Api.openSession();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Scrape after = Scrape.now();
            assertThat(delta(before, after, "mc_store_commit_seconds_count")).isPositive();
            assertThat(delta(before, after, "mc_store_commit_seconds_sum")).isPositive();
            assertThat(delta(before, after, "mc_store_commit_writes_sum")).isGreaterThanOrEqualTo(1);
            assertThat(delta(before, after, "mc_store_commit_seconds_bucket", "le", "+Inf")).isPositive();
            assertThat(delta(before, after, SWEEPS, "outcome", "success")).isPositive();
        });
        assertThat(Scrape.now().value("mc_store_commit_failures_total")).isZero();
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
